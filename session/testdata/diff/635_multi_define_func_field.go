// Several values defined at once from a call of a func-typed field
// (n, mean := acc.Stat() with Stat a field of a struct of closures): as
// top-level statements of a cell (the split mode, and how notebooks are
// written) yaegi defined them as zeros. Such a call is now made in a
// function literal returning its values (held-out d17).
package main

import (
	"fmt"
	"math"
)

type Accumulator struct {
	Add  func(float64)
	Stat func() (n int, mean, sd float64)
}

func NewAccumulator() Accumulator {
	var n int
	var mean, m2 float64
	return Accumulator{
		Add: func(x float64) {
			n++
			d := x - mean
			mean += d / float64(n)
			m2 += d * (x - mean)
		},
		Stat: func() (int, float64, float64) {
			if n < 2 {
				return n, mean, 0
			}
			return n, mean, math.Sqrt(m2 / float64(n-1))
		},
	}
}

type pair struct{ f func() (string, error) }

func main() {
	acc := NewAccumulator()
	for _, x := range []float64{2, 4, 4, 4, 5, 5, 7, 9} {
		acc.Add(x)
	}
	n, mean, sd := acc.Stat()
	fmt.Printf("n=%d mean=%.2f sd=%.3f\n", n, mean, sd)
	p := pair{func() (string, error) { return "ok", nil }}
	s, err := p.f()
	fmt.Println(s, err)
	fs := map[string]func() (int, int){"div": func() (int, int) { return 17 / 5, 17 % 5 }}
	q, r := fs["div"]()
	fmt.Println(q, r)
}
