package main

import "fmt"

func fib(yield func(int) bool) {
	a, b := 0, 1
	for {
		if !yield(a) {
			return
		}
		a, b = b, a+b
	}
}

func main() {
	for range 2 {
		for v := range fib {
			if v > 20 {
				break
			}
			fmt.Print(v, " ")
		}
		fmt.Println()
	}
}
