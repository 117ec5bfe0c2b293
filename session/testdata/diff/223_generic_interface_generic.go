package main

import "fmt"

type Container[T any] interface {
	Put(T)
	All() []T
}

type bag[T any] struct{ xs []T }

func (b *bag[T]) Put(x T)  { b.xs = append(b.xs, x) }
func (b *bag[T]) All() []T { return b.xs }

func Fill[T any](c Container[T], xs ...T) Container[T] {
	for _, x := range xs {
		c.Put(x)
	}
	return c
}

func main() {
	c := Fill[int](&bag[int]{}, 1, 2, 3)
	fmt.Println(c.All())
	var s Container[string] = &bag[string]{}
	Fill(s, "x")
	fmt.Println(s.All())
}
