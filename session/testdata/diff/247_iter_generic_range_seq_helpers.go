package main

import (
	"fmt"
	"iter"
)

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Repeat[T any](v T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for yield(v) {
		}
	}
}

func main() {
	for s := range Take(Repeat("hi"), 3) {
		fmt.Println(s)
	}
	n := 0
	for range Take(Repeat(1), 0) {
		n++
	}
	fmt.Println(n)
}
