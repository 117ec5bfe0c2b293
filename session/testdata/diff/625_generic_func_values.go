// Generic functions of the cells used as values: explicitly instantiated,
// and inferred from the context they are assigned or passed to.
package main

import (
	"fmt"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func apply(f func(int, int) int, a, b int) int { return f(a, b) }

func main() {
	toUpper := Map[string, string]
	fmt.Println(toUpper([]string{"x", "y"}, strings.ToUpper))
	var m func(float64, float64) float64 = Max[float64]
	fmt.Println(m(1.5, 2.5), apply(Max[int], 3, 9), apply(Max, 4, 2))
	fs := []func(int, int) int{Max[int]}
	fmt.Println(fs[0](7, 8))
}
