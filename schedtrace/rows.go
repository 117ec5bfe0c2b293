package schedtrace

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Which rows the picture has: one per goroutine, or per starting line when
// there are too many to draw one by one.

// row is one goroutine row of the picture: one goroutine, the cell's main
// goroutines together, or a group of goroutines started by the same line.
type row struct {
	name  string // the label left of the row
	short string // the name written in processor rows ("g23", "main", "line 5")
	gs    []*Goroutine
	group bool // drawn as counts of goroutines per state
	main  bool // the cell's main goroutines
}

// DrawOptions choose what SVG and Text draw.
type DrawOptions struct {
	// Title is the heading ("%%trace of In [5]").
	Title string
	// Cell is the label of the traced cell ("In [5]"): labels of
	// goroutines started in it are shortened to "line 5".
	Cell string
	// NoGoroutines leaves out the goroutine rows, NoProcs the processor
	// rows.
	NoGoroutines, NoProcs bool
	// MaxRows is how many goroutines get a row each (default 20); with
	// more, a row stands for all the goroutines started by one line,
	// drawn as how many of them are in each state (at most MaxRows such
	// rows, the last one for all remaining lines).
	MaxRows int
}

// maxRows returns the option's MaxRows or its default.
func (o DrawOptions) maxRows() int {
	if o.MaxRows > 0 {
		return o.MaxRows
	}
	return 20
}

// where shortens a label for the traced cell: "In [5], line 3" → "line 3".
func (o DrawOptions) where(label string) string {
	if o.Cell != "" {
		if rest, ok := strings.CutPrefix(label, o.Cell+", "); ok {
			return rest
		}
	}
	return label
}

// rows returns the goroutine rows of t: the main goroutines, then one row
// per goroutine, or per starting line when there are more than MaxRows.
func rows(t *Trace, o DrawOptions) []row {
	var rs []row
	var mains, others []*Goroutine
	for _, g := range t.Goroutines {
		if g.Main {
			mains = append(mains, g)
		} else {
			others = append(others, g)
		}
	}
	if len(mains) > 0 {
		rs = append(rs, row{name: "main (the cell)", short: "main", gs: mains, main: true})
	}
	if len(others) <= o.maxRows() {
		for _, g := range others {
			w := o.where(g.Label)
			rs = append(rs, row{name: fmt.Sprintf("g%d  %s", g.ID, w), short: "g" + strconv.FormatInt(g.ID, 10), gs: []*Goroutine{g}})
		}
		return rs
	}
	var order []string
	byLabel := map[string][]*Goroutine{}
	for _, g := range others {
		if _, ok := byLabel[g.Label]; !ok {
			order = append(order, g.Label)
		}
		byLabel[g.Label] = append(byLabel[g.Label], g)
	}
	for i, l := range order {
		if i == o.maxRows()-1 && len(order) > o.maxRows() {
			var rest []*Goroutine
			for _, l := range order[i:] {
				rest = append(rest, byLabel[l]...)
			}
			rs = append(rs, row{name: fmt.Sprintf("%s goroutines of %d other lines", count(len(rest)), len(order)-i), short: "others", gs: rest, group: true})
			break
		}
		gs := byLabel[l]
		w := o.where(l)
		rs = append(rs, row{name: fmt.Sprintf("%s × %s", count(len(gs)), w), short: w, gs: gs, group: true})
	}
	return rs
}

// count formats n with thousands separators: 10,000.
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// preparing returns the stretches of the window in which no main goroutine
// of the cell existed: the worker was type-checking and compiling the
// cell's next part (or importing a package), not running its code.
func preparing(t *Trace) []Interval {
	var lives []Interval
	for _, g := range t.Goroutines {
		if g.Main && len(g.Spans) > 0 {
			lives = append(lives, Interval{g.Created, g.Spans[len(g.Spans)-1].End})
		}
	}
	var gaps []Interval
	at := time.Duration(0)
	for _, l := range mergeIntervals(lives) {
		if l.Start > at {
			gaps = append(gaps, Interval{at, l.Start})
		}
		at = max(at, l.End)
	}
	if at < t.Wall {
		gaps = append(gaps, Interval{at, t.Wall})
	}
	return gaps
}
