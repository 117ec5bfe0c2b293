package main

import "fmt"

func thrice(yield func() bool) {
	for range 3 {
		if !yield() {
			return
		}
	}
}

func main() {
	n := 0
	for range thrice {
		n++
		fmt.Println("tick", n)
	}
}
