package main

import "fmt"

func addItem(m map[string]int, k string) { m[k]++ }

func replace(m map[string]int) { m = map[string]int{"new": 1}; _ = m }

func main() {
	m := map[string]int{}
	addItem(m, "x")
	addItem(m, "x")
	replace(m)
	alias := m
	alias["y"] = 7
	fmt.Println(m)
}
