package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func main() {
	for _, n := range []int{-1, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	switch x := 3; x {
	case 1, 2:
		fmt.Println("small")
	case 3, 4:
		fmt.Println("medium")
	}
}
