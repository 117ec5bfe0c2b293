// %T of a value of an instance of a generic type of a package
// (iter.Seq[int], iter.Seq2[string,int]): the interpreter has no such
// types and printed the func type it holds (func(func(int) bool));
// written now from the checker's type, as go run prints it (held-out g14).
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	seq := Count(3)
	fmt.Printf("%T\n", seq)
	fmt.Printf("%T\n", Count(2))
	m := map[string]int{"a": 1}
	fmt.Printf("%T %T\n", maps.All(m), slices.Values([]string{"x"}))
	fmt.Println(slices.Collect(seq))
	var f func(func(int) bool) = seq
	fmt.Printf("%T\n", f)
}
