package main

// var specs of several names of an interface type, with values of the
// cells' types (with and without methods) and composite literals.

import "fmt"

type P struct{ X int }

func (p P) Get() int { return p.X }

type Q struct{ X, Y int }

type Getter interface{ Get() int }

var g1, g2 any = P{1}, Q{2, 3}

var (
	h1, h2 any    = Q{4, 5}, P{6}
	i1, i2 Getter = P{7}, P{8}
)

func kind(x any) string {
	switch v := x.(type) {
	case P:
		return fmt.Sprint("P", v.Get())
	case Q:
		return fmt.Sprint("Q", v.X+v.Y)
	}
	return "other"
}

func main() {
	var a, b any = P{1}, Q{2, 3}
	fmt.Println(a, b, a == nil, kind(a), kind(b))
	fmt.Println(kind(g1), kind(g2), kind(h1), kind(h2), i1.Get()+i2.Get())
	x := 10
	{
		var x, y any = P{x}, x
		fmt.Println(kind(x), y)
	}
}
