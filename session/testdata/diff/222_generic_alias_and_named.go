package main

import "fmt"

type Vec[T any] []T

func (v Vec[T]) Len() int { return len(v) }

type IntVec = Vec[int]

type Matrix[T any] [][]T

func Transpose[T any](m Matrix[T]) Matrix[T] {
	if len(m) == 0 {
		return m
	}
	out := make(Matrix[T], len(m[0]))
	for i := range out {
		out[i] = make([]T, len(m))
		for j := range m {
			out[i][j] = m[j][i]
		}
	}
	return out
}

func main() {
	v := IntVec{1, 2, 3}
	fmt.Println(v.Len())
	fmt.Printf("%T\n", v)
	fmt.Println(Transpose(Matrix[int]{{1, 2, 3}, {4, 5, 6}}))
}
