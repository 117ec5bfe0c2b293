// An instance of a generic type of the cells as a type argument of a
// generic function (Map[Product, Pair[string, int]]): yaegi panicked
// compiling the call ("CFG post-order panic", shown as a nil pointer
// dereference), and given an alias of the instance called the function
// argument of the first call at the second; the kernel refuses it.
package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func main() {
	words := []string{"go", "kernel"}
	pairs := Map(words, func(w string) Pair[string, int] { return Pair[string, int]{w, len(w)} })
	fmt.Println(pairs)
	lens := Map(pairs, func(p Pair[string, int]) int { return p.Val })
	fmt.Println(lens)
}
