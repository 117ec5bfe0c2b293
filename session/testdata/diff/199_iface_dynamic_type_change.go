package main

import "fmt"

func main() {
	var x any = 1
	fmt.Printf("%T %v\n", x, x)
	x = "now string"
	fmt.Printf("%T %v\n", x, x)
	x = []any{1, "a", nil}
	fmt.Printf("%T %v\n", x, x)
	x = map[string]any{"n": 1}
	fmt.Printf("%T %v\n", x, x)
	x = nil
	fmt.Printf("%T %v\n", x, x)
}
