package main

// encoding/json calls the cells' MarshalJSON and MarshalText methods:
// value and pointer receivers, fields, slices, maps, pointers, interfaces,
// omitempty, map keys, errors.

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	if l < 0 {
		return nil, errors.New("negative level")
	}
	return json.Marshal([...]string{"low", "mid", "high"}[l])
}

type Color int

func (c Color) MarshalText() ([]byte, error) {
	return []byte([...]string{"red", "green", "blue"}[c]), nil
}

// Temp has MarshalJSON on the pointer: called only on addressable values.
type Temp float64

func (t *Temp) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"%.1fC"`, float64(*t))), nil }

type Alarm struct {
	Name   string         `json:"name"`
	Level  Level          `json:"level"`
	Quiet  Level          `json:"quiet,omitempty"`
	Colors []Color        `json:"colors,omitempty"`
	ByHue  map[Color]int  `json:"by_hue,omitempty"`
	Prev   *Level         `json:"prev"`
	Temp   Temp           `json:"temp"`
	Extra  map[string]any `json:"extra,omitempty"`
	secret int
}

type Broken string

func (b Broken) MarshalJSON() ([]byte, error) { return []byte("{" + string(b)), nil }

func main() {
	two := Level(2)
	a := Alarm{Name: "fire", Level: 1, Colors: []Color{2, 0}, ByHue: map[Color]int{1: 5, 0: 3}, Prev: &two, Temp: 21.5, secret: 7}
	b, err := json.Marshal(a)
	fmt.Println(string(b), err)
	// through a pointer the struct is addressable: Temp's method is called
	b, err = json.Marshal(&a)
	fmt.Println(string(b), err)
	// elements of a slice are addressable too
	b, _ = json.Marshal([]Alarm{{Name: "a"}, {Name: "b", Quiet: 2}})
	fmt.Println(string(b))
	b, _ = json.Marshal(map[string]Level{"x": 0, "y": 2})
	fmt.Println(string(b))
	b, _ = json.Marshal([]any{Level(1), Color(2), "s", 3, Alarm{Name: "in any"}})
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(struct {
		L Level `json:"l"`
		C Color
	}{2, 1}, "", "  ")
	fmt.Println(string(b))
	_, err = json.Marshal(Alarm{Level: -1})
	fmt.Println(err)
	var me *json.MarshalerError
	fmt.Println(errors.As(err, &me), me.Type)
	_, err = json.Marshal(Broken("x"))
	fmt.Println(err)
	enc := json.NewEncoder(os.Stdout)
	fmt.Println(enc.Encode([]Level{0, 1}))
	var sb strings.Builder
	json.NewEncoder(&sb).Encode(map[Color]Level{2: 1})
	fmt.Print(sb.String())
	var nilLevel *Level
	b, _ = json.Marshal(nilLevel)
	fmt.Println(string(b))
}
