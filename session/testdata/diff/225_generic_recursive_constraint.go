package main

import "fmt"

type Lesser[T any] interface {
	Less(T) bool
}

type Age int

func (a Age) Less(b Age) bool { return a < b }

type Name string

func (n Name) Less(m Name) bool { return len(n) < len(m) }

func Min[T Lesser[T]](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x.Less(m) {
			m = x
		}
	}
	return m
}

func main() {
	fmt.Println(Min(Age(40), Age(12), Age(33)))
	fmt.Println(Min(Name("alexander"), Name("bo"), Name("cy")))
}
