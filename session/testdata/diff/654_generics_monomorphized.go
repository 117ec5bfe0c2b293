// Generic types and functions of the program, instantiated with its own
// types: the cell compiler declares each instance as ordinary Go (a tree
// of a generic node type, a fold with a result type of the program's, a
// state machine of two type parameters keyed by a generic struct, an
// alias of an instance); yaegi's generics crashed on them ("nil pointer
// dereference" as it ran them) or panicked (reflect.Set).
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Node[T any] struct {
	Value    T
	Children []*Node[T]
}

func Leaf[T any](v T) *Node[T] { return &Node[T]{Value: v} }

func Branch[T any](v T, kids ...*Node[T]) *Node[T] { return &Node[T]{Value: v, Children: kids} }

func Fold[T, R any](n *Node[T], f func(T, []R) R) R {
	results := make([]R, len(n.Children))
	for i, c := range n.Children {
		results[i] = Fold(c, f)
	}
	return f(n.Value, results)
}

func MapTree[T, U any](n *Node[T], f func(T) U) *Node[U] {
	out := &Node[U]{Value: f(n.Value)}
	for _, c := range n.Children {
		out.Children = append(out.Children, MapTree(c, f))
	}
	return out
}

func (n *Node[T]) Walk(visit func(depth int, v T)) {
	var rec func(*Node[T], int)
	rec = func(m *Node[T], d int) {
		visit(d, m.Value)
		for _, c := range m.Children {
			rec(c, d+1)
		}
	}
	rec(n, 0)
}

type File struct {
	Name string
	Size int
}

type Usage struct {
	Files, Bytes int
}

type edge[S, E comparable] struct {
	from S
	on   E
}

type Machine[S, E comparable] struct {
	state S
	table map[edge[S, E]]S
	trail []S
}

func NewMachine[S, E comparable](start S) *Machine[S, E] {
	return &Machine[S, E]{state: start, table: map[edge[S, E]]S{}, trail: []S{start}}
}

func (m *Machine[S, E]) Allow(from S, on E, to S) *Machine[S, E] {
	m.table[edge[S, E]{from, on}] = to
	return m
}

func (m *Machine[S, E]) Fire(e E) error {
	next, ok := m.table[edge[S, E]{m.state, e}]
	if !ok {
		return fmt.Errorf("%v not allowed in %v", e, m.state)
	}
	m.state = next
	m.trail = append(m.trail, next)
	return nil
}

type Door string

type Push int

const (
	Open Push = iota
	Close
	Lock
)

func (p Push) String() string { return [...]string{"open", "close", "lock"}[p] }

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

type Counts = []Pair[string, int]

func Sorted[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	var out []Pair[K, V]
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	slices.SortFunc(out, func(a, b Pair[K, V]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func main() {
	root := Branch(File{"/", 0},
		Branch(File{"src", 0}, Leaf(File{"main.go", 2400}), Leaf(File{"util.go", 900})),
		Leaf(File{"go.sum", 1500}),
	)
	root.Walk(func(d int, f File) { fmt.Printf("%s%s\n", strings.Repeat("  ", d), f.Name) })
	total := Fold(root, func(f File, kids []Usage) Usage {
		u := Usage{Bytes: f.Size}
		if f.Size > 0 {
			u.Files = 1
		}
		for _, k := range kids {
			u.Files += k.Files
			u.Bytes += k.Bytes
		}
		return u
	})
	fmt.Printf("%+v %T\n", total, root)
	names := MapTree(root, func(f File) string { return strings.ToUpper(f.Name) })
	fmt.Println(Fold(names, func(s string, kids []string) string {
		if len(kids) == 0 {
			return s
		}
		return s + "(" + strings.Join(kids, " ") + ")"
	}))
	fmt.Printf("%T %v\n", names, names.Children[0].Value)

	door := NewMachine[Door, Push]("closed")
	door.Allow("closed", Open, "open").Allow("open", Close, "closed").Allow("closed", Lock, "locked")
	for _, p := range []Push{Open, Lock, Close, Lock, Open} {
		if err := door.Fire(p); err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Println(door.trail, door.state)
	fmt.Printf("%T\n", door)

	var c Counts = Sorted(map[string]int{"b": 2, "a": 1, "c": 3})
	fmt.Println(c, len(c))
	fmt.Printf("%v %+v %T\n", c[0], c[1], c[2])
}
