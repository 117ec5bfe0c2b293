package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	fmt.Println(len(m), m["a"], m["missing"])
	delete(m, "a")
	delete(m, "nope")
	_, ok := m["a"]
	fmt.Println(len(m), ok)
	m["b"] += 10
	fmt.Println(m)
}
