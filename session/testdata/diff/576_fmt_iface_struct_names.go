// fmt's %T, %#v and %+v of values of the cells' struct types held in
// interfaces: yaegi's struct types have no names (%T printed
// struct { X int }) and export unexported fields with an X (%+v printed
// {Xname:bo}); %#v of a value with methods in an any printed yaegi's
// wrapper (interp.valueInterface{node:...}).
package main

import (
	"errors"
	"fmt"
)

type P struct{ X int }

type U struct {
	name string
	age  int
}

type C struct{ R float64 }

func (c C) Area() float64 { return 3 * c.R * c.R }

type Shape interface{ Area() float64 }

type Sq struct{ side float64 }

func (s Sq) Area() float64 { return s.side * s.side }

type Circle struct{ R float64 }

func (c *Circle) Area() float64  { return 3 * c.R * c.R }
func (c *Circle) String() string { return "circle" }

type Pair struct {
	A, B any
}

func describe(v any) string { return fmt.Sprintf("%T %v %+v", v, v, v) }

func main() {
	var a any = U{"bo", 3}
	fmt.Printf("%+v|%v|%T|%#v\n", a, a, a, a)
	var b any = []P{{1}, {2}}
	fmt.Printf("%T|%v|%#v\n", b, b, b)
	var c any = C{2}
	fmt.Printf("%T|%v|%#v|%+v\n", c, c, c, c)
	var d any = &P{5}
	fmt.Printf("%T|%+v|%#v\n", d, d, d)
	var e any = map[string]P{"k": {7}}
	fmt.Printf("%T|%v\n", e, e)
	fmt.Printf("%T %T\n", P{}, &U{})
	f := []any{U{"x", 1}, C{1}}
	fmt.Printf("%v %+v %#v\n", f, f, f)
	for _, s := range []Shape{Sq{2}, &Circle{1}} {
		fmt.Printf("%T %+v %#v %v\n", s, s, s, s)
	}
	var n any
	fmt.Printf("%T %#v %+v\n", n, n, n)
	err := errors.New("boom")
	fmt.Printf("%T %#v\n", err, err)
	pr := Pair{P{1}, "s"}
	fmt.Printf("%+v %#v\n", pr, pr)
	var ap any = pr
	fmt.Printf("%+v %#v %T\n", ap, ap, ap)
	m := map[string]any{"p": P{1}, "u": U{"m", 2}}
	fmt.Printf("%+v\n", m)
	fmt.Println(describe(P{9}), "|", describe(U{"d", 4}), "|", describe([]U{{"e", 5}}))
	fmt.Println(fmt.Sprintf("%T|%T", any(P{}), any([]P{})))
}
