package main

import (
	"errors"
	"fmt"
)

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type V struct{ x int }

func (v V) String() string { return fmt.Sprint("V", v.x) }

type P struct{ name string }

func (p *P) String() string { return "P(" + p.name + ")" }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("E%d", e.code) }

type Box struct {
	label string
	v     any
}

type Pair struct{ a, b any }

func pr(a ...any) { fmt.Println(a...) }

func main() {
	// Values of types with String or Error methods held in interfaces:
	// fmt calls the methods, as Go does, through any depth of []any,
	// map[K]any and struct fields of type any.
	xs := []any{V{1}, Green, &P{"a"}, E{7}, 3, "s", nil}
	fmt.Println(xs)
	fmt.Printf("%v|%s|%d\n", xs[:2], []any{Red}, []any{Green})
	fmt.Printf("%q %x %8v|%-6s|\n", []any{V{2}}, []any{V{3}}, []any{Green}, []any{Red})
	m := map[string]any{"a": V{4}, "b": Red}
	fmt.Println(m)
	fmt.Println(Box{"box", V{5}}, Pair{Green, E{1}})
	fmt.Printf("%v %+v\n", Box{"b", Red}, []Pair{{V{6}, 1}})
	pr(Green, V{7}, &P{"b"})
	s := fmt.Sprint([]any{E{2}}, Box{"c", E{4}})
	fmt.Println(s)
	// A lone interface value, assigned, converted or in a literal.
	var x any = Green
	var w any = V{8}
	t := V{9}
	u := any(t)
	var v any = &P{"q"}
	fmt.Println(x, w, u, v)
	fmt.Printf("%v %s %d %v\n", x, x, x, w)
	var np *P
	var nv any = np
	fmt.Println(nv, []any{np})
	err := errors.New("plain")
	fmt.Println(err, []any{E{4}, err}, errors.Unwrap(fmt.Errorf("w: %w", err)) == err)
	n, str := any(5), any("str")
	fmt.Println(n, str, []any{n, str})
}
