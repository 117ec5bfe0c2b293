package main

import (
	"errors"
	"fmt"
)

type Range struct{ lo, hi int }

func NewRange(lo, hi int) (*Range, error) {
	if lo > hi {
		return nil, errors.New("lo > hi")
	}
	return &Range{lo, hi}, nil
}

func (r *Range) Contains(x int) bool { return x >= r.lo && x <= r.hi }
func (r *Range) Len() int            { return r.hi - r.lo + 1 }

func main() {
	r, err := NewRange(3, 7)
	fmt.Println(err, r.Contains(5), r.Contains(8), r.Len())
	r2, err := NewRange(9, 1)
	fmt.Println(r2 == nil, err)
}
