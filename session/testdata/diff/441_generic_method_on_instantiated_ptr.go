package main

import (
	"fmt"
	"strings"
)

type Builder[T fmt.Stringer] struct {
	parts []T
	sep   string
}

func (b *Builder[T]) Add(xs ...T) *Builder[T] {
	b.parts = append(b.parts, xs...)
	return b
}

func (b *Builder[T]) String() string {
	ss := make([]string, len(b.parts))
	for i, p := range b.parts {
		ss[i] = p.String()
	}
	return strings.Join(ss, b.sep)
}

type Tok string

func (t Tok) String() string { return "<" + string(t) + ">" }

func main() {
	b := &Builder[Tok]{sep: " "}
	b.Add("a", "b").Add("c")
	fmt.Println(b)
	fmt.Println(b.String() == fmt.Sprint(b))
}
