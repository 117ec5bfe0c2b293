package main

import "fmt"

func inner() (string, int, error) { return "x", 2, nil }

func outer() (string, int, error) { return inner() }

func wrap() (a string, b int, c error) {
	a, b, c = outer()
	b *= 10
	return
}

func main() {
	fmt.Println(outer())
	fmt.Println(wrap())
}
