package main

import "fmt"

func mod(a, n int) int { return ((a % n) + n) % n }

func main() {
	for _, a := range []int{-7, -1, 0, 5, 12} {
		fmt.Println(a, a%5, mod(a, 5))
	}
}
