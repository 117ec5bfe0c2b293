package main

import "fmt"

func main() {
	m := map[int]string{1: "a", 2: "b", 3: "c"}
	alias := m
	clear(m)
	fmt.Println(len(m), len(alias), m)
	m[9] = "z"
	fmt.Println(alias[9])
}
