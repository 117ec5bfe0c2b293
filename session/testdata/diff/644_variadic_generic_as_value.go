// A variadic generic function of the cells used as a value (f :=
// MaxOf[int], %T of it, passed to another function): the cell compiler
// declares such a function with a slice parameter, and the value was
// refused; it is now a variadic function literal calling the instance
// (held-out o26).
package main

import (
	"cmp"
	"fmt"
)

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

func Join[T any](sep string, xs ...T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += sep
		}
		s += fmt.Sprint(x)
	}
	return s
}

func apply(f func(...int) int, xs []int) int { return f(xs...) }

func main() {
	f := MaxOf[int]
	fmt.Println(f(3, 9, 2), f(1))
	fmt.Printf("%T\n", f)
	fmt.Println(apply(MaxOf[int], []int{4, 8, 6}))
	g := MaxOf[string]
	fmt.Println(g("pear", "apple", "zoo"))
	j := Join[float64]
	fmt.Println(j(" | ", 1.5, 2, 3.25))
	fmt.Printf("%T\n", Join[string])
}
