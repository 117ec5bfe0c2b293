package main

import "fmt"

type Shape interface{ Area() int }

type Sq struct{ S int }

func (s Sq) Area() int { return s.S * s.S }

type Pt struct{ X, Y int }

func (p *Pt) Move() { p.X++ }

func main() {
	// Values of the cells' types with methods inside []any and map[K]any
	// print as their values.
	xs := []any{Sq{2}, 3, "s", Pt{1, 2}, nil}
	fmt.Println(xs)
	fmt.Print(xs, 1, "\n")
	m := map[string]any{"a": Sq{5}, "b": 1.5}
	fmt.Println(m, len(m))
	arr := [2]any{Sq{1}, true}
	fmt.Println(arr)
	s := fmt.Sprintln([]any{Sq{3}})
	fmt.Print(s)
	var sh Shape = Sq{4}
	fmt.Println(sh.Area(), []any{sh})
}
