package schedtrace

import (
	"math"
	"time"
)

// A picture of thousands of goroutines over a second has far more spans
// than pixels. Rows are drawn from a grid: the time each key (a state, or
// the goroutine a processor ran) takes in each pixel column, so that a row
// has at most one rectangle per column, whatever the number of spans.

// grid is the time per column and key of one row.
type grid struct {
	cols, keys int
	colDur     float64   // nanoseconds per column
	t          []float64 // t[col*keys+key]: nanoseconds
}

// newGrid returns an empty grid of cols columns over wall.
func newGrid(cols, keys int, wall time.Duration) *grid {
	return &grid{cols: cols, keys: keys, colDur: math.Max(float64(wall), 1) / float64(cols), t: make([]float64, cols*keys)}
}

// add adds the time from start to end to key.
func (g *grid) add(start, end time.Duration, key int) {
	a, b := float64(start)/g.colDur, float64(end)/g.colDur
	a, b = math.Max(a, 0), math.Min(b, float64(g.cols))
	for c := int(a); c < g.cols && float64(c) < b; c++ {
		lo, hi := math.Max(a, float64(c)), math.Min(b, float64(c+1))
		if hi > lo {
			g.t[c*g.keys+key] += (hi - lo) * g.colDur
		}
	}
}

// at returns the time of key in column c.
func (g *grid) at(c, key int) float64 { return g.t[c*g.keys+key] }

// dominant returns the key with the most time in column c (the lowest key
// on a tie), or -1 when the column is empty.
func (g *grid) dominant(c int) int {
	best, bt := -1, 0.0
	for k := 0; k < g.keys; k++ {
		if v := g.at(c, k); v > bt {
			best, bt = k, v
		}
	}
	return best
}

// run is a stretch of columns with the same dominant key.
type run struct{ c0, c1, key int } // columns [c0, c1)

// runs returns the stretches of g's non-empty columns by dominant key.
func (g *grid) runs() []run {
	var rs []run
	for c := 0; c < g.cols; c++ {
		k := g.dominant(c)
		if k < 0 {
			continue
		}
		if n := len(rs); n > 0 && rs[n-1].key == k && rs[n-1].c1 == c {
			rs[n-1].c1 = c + 1
			continue
		}
		rs = append(rs, run{c, c + 1, k})
	}
	return rs
}
