package main

import (
	"fmt"
	"iter"
)

type Tree struct {
	L, R *Tree
	V    int
}

func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.walk(yield)
	}
}

func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.L.walk(yield) && yield(t.V) && t.R.walk(yield)
}

func main() {
	t := &Tree{&Tree{nil, nil, 1}, &Tree{&Tree{nil, nil, 3}, nil, 4}, 2}
	for v := range t.All() {
		fmt.Print(v, " ")
	}
	fmt.Println()
	for v := range t.All() {
		if v == 3 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
}
