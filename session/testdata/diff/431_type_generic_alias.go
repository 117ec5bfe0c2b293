package main

import "fmt"

type Set[T comparable] = map[T]struct{}

type Pair[A, B any] struct {
	First  A
	Second B
}

type IntPair = Pair[int, int]

type StrKeyed[V any] = Pair[string, V]

func main() {
	s := Set[string]{"a": {}}
	s["b"] = struct{}{}
	fmt.Println(len(s))
	fmt.Printf("%T\n", s)
	p := IntPair{1, 2}
	fmt.Printf("%T %+v\n", p, p)
	k := StrKeyed[bool]{"on", true}
	fmt.Printf("%T %+v\n", k, k)
}
