package main

import (
	"fmt"
	"sort"
	"strings"
)

// Values of struct and array types with methods put in interfaces are
// copies: changing the variable, the loop variable or calling again later
// does not change them.

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Grid [2]int

func (g Grid) Sum() int { return g[0] + g[1] }

type Named struct{ Name string }

func (n *Named) Rename(s string) { n.Name = s }

type Holder struct {
	Label string
	Value any
}

func next(i int) Point { return Point{i, i * i} }

func asShape(r Rect) Shape { return r }

func main() {
	p := Point{1, 2}
	var s fmt.Stringer = p
	var a any = p
	p.X = 100
	fmt.Println(s, a, p)

	var stringers []fmt.Stringer
	var anys []any
	for _, q := range []Point{{1, 1}, {2, 4}, {3, 9}} {
		stringers = append(stringers, q)
		anys = append(anys, q)
	}
	fmt.Println(stringers, anys)

	var shapes []Shape
	rects := []Rect{{1, 2}, {3, 4}}
	for i := range rects {
		shapes = append(shapes, rects[i])
	}
	rects[0].W = 50
	for _, sh := range shapes {
		fmt.Print(sh.Area(), " ")
	}
	fmt.Println()

	var fromCalls []fmt.Stringer
	for i := 0; i < 3; i++ {
		fromCalls = append(fromCalls, next(i))
	}
	fmt.Println(fromCalls)

	byName := map[string]any{}
	ch := make(chan any, 3)
	var held []Holder
	cur := Point{}
	for i := 0; i < 3; i++ {
		cur.X = i
		byName[fmt.Sprint("p", i)] = cur
		ch <- cur
		held = append(held, Holder{fmt.Sprint("h", i), cur})
	}
	close(ch)
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", byName[k], " ")
	}
	for v := range ch {
		fmt.Print(v, " ")
	}
	for _, h := range held {
		fmt.Print(h.Label, ":", h.Value, " ")
	}
	fmt.Println()

	var grids []any
	for _, g := range []Grid{{1, 2}, {3, 4}} {
		grids = append(grids, g)
	}
	fmt.Println(grids[0].(Grid).Sum(), grids[1].(Grid).Sum())

	var named []any
	for _, n := range []Named{{"a"}, {"b"}} {
		named = append(named, n)
	}
	fmt.Println(named[0].(Named).Name, named[1].(Named).Name)

	var built []Shape
	for _, r := range []Rect{{2, 2}, {3, 3}} {
		built = append(built, asShape(r))
	}
	fmt.Println(built[0].Area(), built[1].Area())

	var parts []string
	for _, st := range stringers {
		parts = append(parts, st.String())
	}
	fmt.Println(strings.Join(parts, "+"))
}
