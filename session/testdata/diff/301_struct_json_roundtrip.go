package main

import (
	"encoding/json"
	"fmt"
)

type Item struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Price float64  `json:"price"`
	skip  bool
}

func main() {
	it := Item{ID: 1, Name: "pen", Price: 1.5, skip: true}
	b, err := json.Marshal(it)
	fmt.Println(string(b), err)
	var back Item
	err = json.Unmarshal([]byte(`{"id":2,"name":"cup","tags":["a","b"],"price":3}`), &back)
	fmt.Printf("%+v %v\n", back, err)
	ind, _ := json.MarshalIndent(map[string]int{"b": 2, "a": 1}, "", "  ")
	fmt.Println(string(ind))
}
