package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }
type Square struct{ S float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (s Square) Area() float64      { return s.S * s.S }
func (s Square) Perimeter() float64 { return 4 * s.S }

var _ Shape = Circle{}
var _ Shape = (*Square)(nil)

func main() {
	shapes := []Shape{Circle{1}, Square{2}, &Square{3}}
	total := 0.0
	for _, s := range shapes {
		fmt.Printf("%T %.2f %.2f\n", s, s.Area(), s.Perimeter())
		total += s.Area()
	}
	fmt.Printf("%.3f\n", total)
}
