package main

import "fmt"

type Node struct{ V int }

func make3() []*Node {
	var out []*Node
	for i := range 3 {
		n := Node{i}
		out = append(out, &n)
	}
	return out
}

func counterPtr() *int {
	c := 41
	return &c
}

func main() {
	for _, n := range make3() {
		fmt.Print(n.V, " ")
	}
	fmt.Println()
	p := counterPtr()
	*p++
	fmt.Println(*p)
}
