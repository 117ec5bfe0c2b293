package main

import "fmt"

func pair() (int, int)           { return 3, 4 }
func add(a, b int) int           { return a + b }
func variadic(xs ...int) int     { return len(xs) }
func three() (int, string, bool) { return 1, "s", true }

func main() {
	fmt.Println(add(pair()))
	fmt.Println(variadic(pair()))
	fmt.Println(three())
	fmt.Println(pair())
}
