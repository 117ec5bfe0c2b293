package main

import "fmt"

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type pt struct{ x, y int }

func main() {
	fmt.Println(Index([]string{"a", "b", "c"}, "c"))
	fmt.Println(Index([]pt{{1, 2}, {3, 4}}, pt{3, 4}))
	fmt.Println(Index([]float64{1.5}, 2))
	var ifs []any = []any{1, "x"}
	fmt.Println(Index(ifs, any("x")))
}
