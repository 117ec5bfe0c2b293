package main

import (
	"cmp"
	"fmt"
)

type Tree[T cmp.Ordered] struct {
	root *tnode[T]
}

type tnode[T cmp.Ordered] struct {
	v    T
	l, r *tnode[T]
}

func (t *Tree[T]) Insert(v T) {
	p := &t.root
	for *p != nil {
		if v < (*p).v {
			p = &(*p).l
		} else {
			p = &(*p).r
		}
	}
	*p = &tnode[T]{v: v}
}

func (t *Tree[T]) InOrder() []T {
	var out []T
	var walk func(*tnode[T])
	walk = func(n *tnode[T]) {
		if n == nil {
			return
		}
		walk(n.l)
		out = append(out, n.v)
		walk(n.r)
	}
	walk(t.root)
	return out
}

func main() {
	var t Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		t.Insert(w)
	}
	fmt.Println(t.InOrder())
}
