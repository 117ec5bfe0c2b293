package main

import (
	"cmp"
	"fmt"
)

func Max[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func main() {
	fmt.Println(Max(3, 9, 2))
	fmt.Println(Max("pear", "apple", "zoo"))
	fmt.Println(Max(1.5, -2.0))
	fmt.Println(Max[int8](1, 2, 3))
}
