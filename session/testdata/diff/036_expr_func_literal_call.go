package main

import "fmt"

func main() {
	r := func(a, b int) int { return a * b }(6, 7)
	fmt.Println(r)
	fs := []func(int) int{
		func(x int) int { return x + 1 },
		func(x int) int { return x * x },
	}
	for _, f := range fs {
		fmt.Println(f(5))
	}
	fmt.Println(func() string { return "iife" }())
}
