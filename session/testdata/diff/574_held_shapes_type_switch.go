package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Square struct{ Rect }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string       { return "circle" }
func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (r Rect) Name() string         { return "rect" }
func (s Square) Name() string       { return "square" }

type Label struct{ text string }

func (l *Label) String() string { return "<" + l.text + ">" }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case Circle:
		return fmt.Sprintf("circle r=%g", x.R)
	case Named:
		return "named " + x.Name()
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case []Shape:
		return fmt.Sprintf("%d shapes", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Shape{Circle{1}, Rect{2, 3}, Square{Rect{2, 2}}, Circle{0.5}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	var total float64
	for _, s := range shapes {
		total += s.Area()
		n := "?"
		if nm, ok := s.(Named); ok {
			n = nm.Name()
		}
		fmt.Printf("%-6s %6.2f %6.2f\n", n, s.Area(), s.Perimeter())
	}
	fmt.Printf("total %.3f\n", total)
	sq := shapes[2]
	if r, ok := sq.(Square); ok {
		fmt.Println("square side", r.W, r.Rect.Name(), r.Name())
	}
	l := Label{"hi"}
	fmt.Println(l, &l)
	fmt.Printf("%v %s\n", &l, Temp(21.55))
	for _, v := range []any{nil, 3, int64(4), Circle{2}, Rect{1, 1}, &l, Temp(3), fmt.Errorf("bad"), shapes, 2.5, "s"} {
		fmt.Println(describe(v))
	}
	var sb strings.Builder
	for i, s := range shapes {
		if i > 0 {
			sb.WriteString(" < ")
		}
		fmt.Fprintf(&sb, "%.1f", s.Area())
	}
	fmt.Println(sb.String())
	var nilShape Shape
	fmt.Println(nilShape == nil, describe(nilShape))
	var cp *Circle
	fmt.Println(cp == nil)
}
