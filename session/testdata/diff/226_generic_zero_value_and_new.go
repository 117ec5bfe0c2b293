package main

import "fmt"

func NewOf[T any]() *T { return new(T) }

func IsZero[T comparable](v T) bool {
	var z T
	return v == z
}

type P struct {
	A int
	B string
}

func main() {
	p := NewOf[P]()
	p.A = 1
	fmt.Printf("%+v\n", *p)
	fmt.Println(IsZero(0), IsZero(""), IsZero(P{}), IsZero(P{B: "x"}))
	ip := NewOf[int]()
	*ip += 5
	fmt.Println(*ip)
}
