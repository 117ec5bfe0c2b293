package main

import "fmt"

func CountEq[T comparable](xs []T, v T) int {
	n := 0
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return n
}

type Shape interface{ Area() int }
type Sq int

func (s Sq) Area() int { return int(s * s) }

func main() {
	fmt.Println(CountEq([]any{1, "a", 1, 2.0}, any(1)))
	fmt.Println(CountEq([]Shape{Sq(1), Sq(2), Sq(1)}, Shape(Sq(1))))
	fmt.Println(CountEq([]error{nil, nil}, nil))
}
