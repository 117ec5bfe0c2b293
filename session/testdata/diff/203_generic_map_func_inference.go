package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	strs := Map([]int{1, 2}, func(i int) string { return "n" + strconv.Itoa(i) })
	fmt.Println(strs, len(strs))
	fmt.Printf("%T\n", strs)
	lens := Map(strs, func(s string) int { return len(s) })
	fmt.Println(lens)
}
