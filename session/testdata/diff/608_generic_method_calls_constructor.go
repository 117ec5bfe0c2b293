// A method of a generic type that calls a generic function of the cells
// with the method's type parameter (NewSet[T] in Set[T].Union), reached
// from a function's body: yaegi crashes compiling the instantiation ("CFG
// post-order panic: nil pointer dereference", raw yaegi too), which the
// kernel reports as the interpreter's limit; as top-level statements (the
// split mode) it runs. From a held-out generic set (q08 of batch 7).
package main

import "fmt"

type Set[T comparable] struct {
	m map[T]struct{}
}

func NewSet[T comparable](xs []T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, x := range xs {
		s.m[x] = struct{}{}
	}
	return s
}

func (s *Set[T]) Union(o *Set[T]) *Set[T] {
	r := NewSet[T]([]T{})
	for x := range s.m {
		r.m[x] = struct{}{}
	}
	return r
}

func main() {
	a := NewSet([]string{"go", "rust"})
	b := NewSet([]string{"c", "go"})
	fmt.Println(len(a.Union(b).m))
}
