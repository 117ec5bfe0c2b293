// json.Unmarshal's type errors name the struct types of the cells as Go's
// do: "of type main.Order" for a field's type and "Go value of type
// main.Customer" at the top (they printed yaegi's struct { ID int ... }).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Order struct {
	ID    int      `json:"id"`
	Items []string `json:"items"`
}

type Address struct {
	City string `json:"city"`
}

type Customer struct {
	Name    string  `json:"name"`
	Address Address `json:"address"`
	Orders  []Order `json:"orders"`
	Age     int     `json:"age"`
}

func main() {
	inputs := []string{
		`{"name": "Ada", "orders": [{"id": 1, "items": ["x"]}]}`,
		`{"orders": [1,2]}`,
		`{"address": "Paris"}`,
		`{"age": "old"}`,
		`[1,2,3]`,
		`{"orders": [{"id": "seven"}]}`,
	}
	for _, in := range inputs {
		var c Customer
		err := json.Unmarshal([]byte(in), &c)
		fmt.Printf("%-40s -> %v\n", in, err)
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			fmt.Println("   field:", ute.Field, "value:", ute.Value)
		}
	}
	var orders []Order
	fmt.Println(json.Unmarshal([]byte(`{"id": 1}`), &orders))
}
