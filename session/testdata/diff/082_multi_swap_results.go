package main

import "fmt"

func swap(a, b string) (string, string) { return b, a }

func main() {
	x, y := swap("first", "second")
	fmt.Println(x, y)
	x, y = swap(x, y)
	fmt.Println(x, y)
	fmt.Println(swap("p", "q"))
}
