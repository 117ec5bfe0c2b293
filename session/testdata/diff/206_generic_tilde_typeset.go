package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Score int
type Money float64

func main() {
	fmt.Println(Sum([]int{1, 2, 3}))
	fmt.Println(Sum([]Score{10, 20}))
	m := Sum([]Money{1.25, 2.5})
	fmt.Printf("%T %v\n", m, m)
}
