package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Sq struct{ s float64 }
type Rect struct{ w, h float64 }

func (q Sq) Area() float64   { return q.s * q.s }
func (q Sq) Name() string    { return "square" }
func (r Rect) Area() float64 { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

func main() {
	area := Shape.Area
	name := Shape.Name
	for _, s := range []Shape{Sq{2}, Rect{2, 3}} {
		fmt.Println(name(s), area(s))
	}
	up := strings.ToUpper
	fmt.Println(up(Sq{}.Name()))
}
