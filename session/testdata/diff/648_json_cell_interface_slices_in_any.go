// Slices and maps of an interface type of the cells held in an any and
// given to encoding/json: yaegi's values of such a slice are its
// wrappers, which the encoder wrote as {} ("list":[{}]).
package main

import (
	"encoding/json"
	"fmt"
)

type Shape interface{ Area() float64 }

type Rect struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

func (r Rect) Area() float64 { return r.Width * r.Height }

type Circle struct {
	Radius float64 `json:"radius"`
}

func (c Circle) Area() float64 { return 3 * c.Radius * c.Radius }

func main() {
	shapes := []Shape{Rect{1, 2}, Circle{3}, nil}
	b, err := json.Marshal(map[string]any{"list": shapes, "n": len(shapes)})
	fmt.Println(string(b), err)
	byName := map[string]Shape{"r": Rect{4, 5}, "c": Circle{0.5}}
	var payload any = byName
	b, err = json.Marshal(payload)
	fmt.Println(string(b), err)
	arr := [2]Shape{Circle{1}, Rect{2, 2}}
	b, err = json.MarshalIndent([]any{arr, "end"}, "", " ")
	fmt.Println(string(b), err)
}
