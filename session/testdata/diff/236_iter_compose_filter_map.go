package main

import (
	"fmt"
	"iter"
	"slices"
)

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func MapSeq[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func main() {
	src := slices.Values([]int{1, 2, 3, 4, 5, 6})
	evens := Filter(src, func(n int) bool { return n%2 == 0 })
	sq := MapSeq(evens, func(n int) string { return fmt.Sprint(n * n) })
	fmt.Println(slices.Collect(sq))
}
