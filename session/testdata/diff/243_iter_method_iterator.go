package main

import (
	"fmt"
	"iter"
)

type Grid struct {
	w, h  int
	cells []int
}

func (g *Grid) Cells() iter.Seq2[[2]int, int] {
	return func(yield func([2]int, int) bool) {
		for y := range g.h {
			for x := range g.w {
				if !yield([2]int{x, y}, g.cells[y*g.w+x]) {
					return
				}
			}
		}
	}
}

func main() {
	g := &Grid{2, 2, []int{1, 2, 3, 4}}
	for pos, v := range g.Cells() {
		fmt.Println(pos, v)
	}
}
