package main

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (p Point) Dist() int        { return abs(p.X) + abs(p.Y) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func main() {
	p := Point{1, 2}
	pp := &p
	pp.X = 5
	pp.Move(1, 1)
	p.Move(-10, 0)
	fmt.Println(p, *pp, pp.Dist(), (*pp).Y)
	ptrs := []*Point{&p}
	ptrs[0].Y = 0
	fmt.Println(p)
}
