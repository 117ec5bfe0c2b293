package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Swap[A, B comparable](p Pair[A, B]) Pair[B, A] { return Pair[B, A]{p.Val, p.Key} }

func main() {
	p := MakePair("x", 1)
	fmt.Println(p)
	fmt.Printf("%T\n", p)
	q := Swap(p)
	fmt.Println(q)
	fmt.Printf("%T\n", q)
}
