package main

import "fmt"

type Inner struct{ A, B int }
type Outer struct {
	I    Inner
	Name string
	Arr  [2]bool
}

func main() {
	x := Outer{Inner{1, 2}, "x", [2]bool{true, false}}
	y := x
	fmt.Println(x == y)
	y.I.B = 3
	fmt.Println(x == y, x != y)
	m := map[Outer]int{x: 1}
	fmt.Println(m[x], m[y])
	var z Outer
	fmt.Println(z == Outer{})
}
