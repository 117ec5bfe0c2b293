package main

import "fmt"

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	g := fibGen()
	for range 10 {
		fmt.Print(g(), " ")
	}
	fmt.Println()
}
