package main

// fmt of slices, maps and struct fields of an interface type of the cells
// ([]Shape): yaegi gave fmt its wrappers ({0xc000… {…}}).

import "fmt"

type Shape interface{ Area() float64 }

type C struct{ R float64 }

func (c C) Area() float64 { return c.R * 2 }

type D struct {
	Title  string
	Shapes []Shape
}

func mk() (Shape, error) { return C{3}, nil }

func main() {
	s := []Shape{C{1}, C{2}}
	fmt.Println(s)
	x, _ := mk()
	s = append(s, x)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint(s))
	d := D{"t", s}
	fmt.Println(d.Shapes)
	fmt.Printf("%v %+v\n", d, d)
	m := map[string]Shape{"a": C{5}}
	fmt.Println(m)
}
