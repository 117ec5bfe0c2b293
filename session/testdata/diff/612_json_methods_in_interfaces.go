package main

// Values whose types have JSON methods, held in interfaces: a helper
// taking any, []any and map[string]any literals, slices and maps of such
// types passed as any (yaegi holds a []Tag there as a []string).

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Tag string

func (t Tag) MarshalText() ([]byte, error) { return []byte("#" + strings.ToLower(string(t))), nil }

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

type Reading struct {
	Station string  `json:"station"`
	Temp    Celsius `json:"temp"`
	Tags    []Tag   `json:"tags,omitempty"`
}

func show(label string, v any) {
	b, err := json.Marshal(v)
	fmt.Printf("%-8s %s %v\n", label, b, err)
}

func main() {
	show("tag", Tag("Go"))
	show("tags", []Tag{"A", "b"})
	show("temps", map[string]Celsius{"in": 21.5, "out": -3})
	show("reading", Reading{"KSFO", 17.25, []Tag{"Coast"}})
	show("readings", []Reading{{"A", 1, nil}, {"B", 2, []Tag{"x"}}})
	show("ptr", &Reading{Station: "P", Temp: 5})
	show("mixed", []any{Celsius(15), Tag("T"), 18, "plain", []string{"not", "tags"}, nil})
	show("nested", map[string]any{"r": Reading{Station: "N"}, "list": []any{Celsius(1)}, "m": map[string]any{"t": Tag("deep")}})
	var anything any = []Tag{"kept"}
	show("var", anything)
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]any{"temp": Celsius(30), "tags": []Tag{"enc"}})
	plain := []string{"A", "b"}
	show("strings", plain)
}
