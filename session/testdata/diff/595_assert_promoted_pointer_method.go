// A struct embedding a pointer (Marker embeds *Point) gets the pointer's
// methods: yaegi called the kernel's assertions to it from an interface of
// the cells "impossible" (%T of a []Placeable, d.(Scaler)), and the
// kernel tried types on a Describer that cannot hold them (*ColoredPoint).
package main

import "fmt"

type Point struct{ X, Y float64 }

func (p *Point) ScaleBy(f float64) { p.X *= f; p.Y *= f }

type ColoredPoint struct {
	Point
	Color string
}

type Named struct{ Name string }

func (n Named) Describe() string { return "named " + n.Name }

type Marker struct {
	*Point
	Label string
}

func (m Marker) Describe() string { return fmt.Sprintf("marker %q at %v", m.Label, *m.Point) }

type Pin struct {
	Point
	Note string
}

func (p Pin) Describe() string { return "pin " + p.Note }

type Describer interface{ Describe() string }
type Scaler interface{ ScaleBy(float64) }
type Placeable interface {
	Describer
	Scaler
}

func main() {
	m := Marker{&Point{3, 4}, "home"}
	things := []Placeable{m, &Pin{Point{1, 2}, "cafe"}}
	for _, t := range things {
		t.ScaleBy(3)
		fmt.Printf("%T: %s\n", t, t.Describe())
	}
	var d Describer = Named{"value"}
	if _, ok := d.(Scaler); !ok {
		fmt.Println("Named is not a Scaler")
	}
	var d2 Describer = m
	if s, ok := d2.(Scaler); ok {
		s.ScaleBy(0.5)
		fmt.Println("Marker is a Scaler:", *m.Point)
	}
	cp := &ColoredPoint{Point{1, 1}, "red"}
	var s Scaler = cp
	s.ScaleBy(2)
	fmt.Println(cp.X, cp.Color)
}
