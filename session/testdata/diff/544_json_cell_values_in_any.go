package main

// encoding/json given values of the cells' types inside interfaces.

import (
	"encoding/json"
	"fmt"
	"os"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Reading struct {
	Place string
	Value any
	Tags  []any
}

type Status int

func (s Status) Ok() bool { return s == 0 }

func main() {
	b, err := json.Marshal([]any{Temp(21.5), Status(1), "x", 3})
	fmt.Println(string(b), err)
	b, _ = json.Marshal(map[string]any{"t": Temp(3), "n": 4, "s": Status(0)})
	fmt.Println(string(b))
	r := Reading{"lab", Temp(19), []any{Status(2), Temp(1)}}
	b, _ = json.MarshalIndent(&r, "", " ")
	fmt.Println(string(b))
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]any{"r": r})
	fmt.Println(r.Value, r.Tags) // the value given is not changed
}
