package main

// A type of the cells with a MarshalJSON method, encoded.

import (
	"encoding/json"
	"fmt"
)

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal([...]string{"low", "high"}[l])
}

type Alarm struct {
	Name  string
	Level Level
}

func main() {
	b, err := json.Marshal(Alarm{"fire", 1})
	fmt.Println(string(b), err)
}
