package main

import "fmt"

var (
	g1     = 1
	g2     int
	g3, g4 = "a", 2.5
)

func main() {
	var a int
	var b, c = 1, "x"
	var (
		d bool
		e []int
		f map[string]int
		g *int
	)
	fmt.Println(a, b, c, d, e == nil, f == nil, g == nil)
	fmt.Println(g1, g2, g3, g4)
	var h, i int = 3, 4
	fmt.Println(h + i)
}
