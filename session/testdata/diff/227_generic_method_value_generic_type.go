package main

import "fmt"

type Acc[T int | float64] struct{ total T }

func (a *Acc[T]) Add(v T) { a.total += v }

func feed[T int | float64](f func(T), xs ...T) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	var a Acc[int]
	feed(a.Add, 1, 2, 3)
	fmt.Println(a.total)
	var b Acc[float64]
	add := (*Acc[float64]).Add
	add(&b, 0.5)
	add(&b, 0.25)
	fmt.Println(b.total)
}
