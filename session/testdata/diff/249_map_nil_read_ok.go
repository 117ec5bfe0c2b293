package main

import "fmt"

func main() {
	var m map[string][]int
	fmt.Println(m == nil, len(m), m["x"] == nil)
	v, ok := m["x"]
	fmt.Println(v, ok)
	delete(m, "x")
	for range m {
		fmt.Println("never")
	}
	m = map[string][]int{}
	m["x"] = append(m["x"], 1, 2)
	fmt.Println(m)
}
