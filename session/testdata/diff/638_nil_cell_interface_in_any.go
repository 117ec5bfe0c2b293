// A nil value of an interface type of the cells put in an any (a []any
// element, a field of type any) printed yaegi's empty wrapper,
// `{<nil> {<nil> <nil> 0}}` or `{node:<nil> value:{...}}` with %+v, where
// Go prints <nil> (held-out o30, which crashed on it before); == nil of
// such an element held already.
package main

import "fmt"

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Status uint8

func (s Status) String() string { return [...]string{"?", "active", "suspended"}[s] }

type Slot struct {
	Name string
	V    any
}

func main() {
	var nilShape Shape
	items := []any{Sq{2}, nilShape}
	fmt.Println(len(items), items[1] == nil)
	items2 := []any{Status(2), nilShape}
	fmt.Printf("%v %+v\n", items, items2)
	s := Slot{"empty", nilShape}
	fmt.Printf("%v %+v %v\n", s, s, s.V == nil)
	m := map[string]any{"a": nilShape, "b": Sq{1}}
	fmt.Println(m)
}
