package main

import (
	"fmt"
	"strings"
)

type Stringish interface {
	~string
	Len() int
}

type Word string

func (w Word) Len() int { return len(w) }

func Longest[S Stringish](xs []S) S {
	var best S
	for _, x := range xs {
		if x.Len() > best.Len() {
			best = x
		}
	}
	return best
}

func Upper[S ~string](s S) S { return S(strings.ToUpper(string(s))) }

func main() {
	w := Longest([]Word{"go", "gopher", "golang"})
	fmt.Println(w, w.Len())
	fmt.Printf("%T %v\n", Upper(w), Upper(w))
}
