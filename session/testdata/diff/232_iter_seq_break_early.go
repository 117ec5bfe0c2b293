package main

import (
	"fmt"
	"iter"
)

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func main() {
	for n := range Naturals() {
		if n > 3 {
			break
		}
		fmt.Println(n)
	}
}
