package goroutine

import (
	"sort"
	"strconv"
	"strings"
)

// Stuck is one goroutine of a cell, in a deadlock or an interrupt report.
type Stuck struct {
	G     *G
	Block Block
	// Itself is true for a cell's own goroutine.
	Itself bool
}

// Verdict is what a look at the goroutines found.
type Verdict struct {
	// Cells are the goroutines of cells, not ended, a cell's own first.
	Cells []Stuck
	// Deadlock is true when a cell runs and every goroutine of the cells
	// is stuck (see Block.Stuck), and every goroutine started for them by
	// compiled code is parked on a channel or a sync primitive: nothing
	// but a timer can wake them (the caller checks timers).
	Deadlock bool
	// Key identifies the state the verdict is about: two looks with the
	// same Key saw nothing move in between.
	Key string
}

// Judge looks at gs, the goroutines of the cells being those of m's
// session that have not Ended.
func Judge(gs []G, r Roles, m *Marks) Verdict {
	roles := r.Of(gs)
	var v Verdict
	own, awake := 0, 0
	var key strings.Builder
	for i := range gs {
		g := &gs[i]
		switch roles[g.ID] {
		case Cell:
			if Ended(g.ID) || m.Foreign(g) {
				continue
			}
			s := Stuck{G: g, Block: Classify(g), Itself: r.IsCellItself(g)}
			v.Cells = append(v.Cells, s)
			if s.Itself {
				own++
			}
			if !s.Block.Stuck {
				awake++
			}
			key.WriteString(strconv.FormatInt(g.ID, 10) + " " + g.State + " " + m.Value(g) + ";")
		case ForCell:
			if !Parked(g.State) {
				awake++
			}
			key.WriteString(strconv.FormatInt(g.ID, 10) + " " + g.State + ";")
		}
	}
	sort.SliceStable(v.Cells, func(i, j int) bool {
		a, b := v.Cells[i], v.Cells[j]
		if a.Itself != b.Itself {
			return a.Itself
		}
		return a.G.ID < b.G.ID
	})
	v.Deadlock = own > 0 && awake == 0
	v.Key = key.String()
	return v
}
