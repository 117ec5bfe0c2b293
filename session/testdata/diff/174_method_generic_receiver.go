package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Get() T                 { return b.v }
func (b *Box[T]) Set(v T)               { b.v = v }
func (b Box[T]) Map(f func(T) T) Box[T] { return Box[T]{f(b.v)} }

func main() {
	b := Box[int]{1}
	b.Set(5)
	fmt.Println(b.Get(), b.Map(func(x int) int { return x * 3 }).Get())
	s := Box[string]{"go"}
	get := s.Get
	s.Set("changed")
	fmt.Println(get(), s.Get())
	fmt.Printf("%T %+v\n", s, s)
}
