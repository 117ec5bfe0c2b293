package schedtrace

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// The figures of the summary line.

// Summary are the figures of the summary line under the picture.
type Summary struct {
	// Wall is the time from the begin mark to the end mark.
	Wall time.Duration
	// CPU is the time the cell's goroutines spent running.
	CPU time.Duration
	// Busy is the average number of processors busy with the cell: CPU/Wall.
	Busy float64
	// Started counts the goroutines the cell started (not its main ones).
	Started int
	// MaxRunning is the most of the cell's goroutines running at once.
	MaxRunning int
	// GC is the time a garbage collection was going on, GCCycles how many
	// began.
	GC       time.Duration
	GCCycles int
	// GOMAXPROCS is the number of processors at the end.
	GOMAXPROCS int
}

// Summarize computes the figures of t.
func (t *Trace) Summarize() Summary {
	s := Summary{Wall: t.Wall, GCCycles: t.GCCycles, GOMAXPROCS: t.GOMAXPROCS}
	type edge struct {
		at time.Duration
		d  int
	}
	var edges []edge
	for _, g := range t.Goroutines {
		if !g.Main {
			s.Started++
		}
		for _, sp := range g.Spans {
			if sp.State == Running {
				s.CPU += sp.End - sp.Start
				edges = append(edges, edge{sp.Start, 1}, edge{sp.End, -1})
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].at != edges[j].at {
			return edges[i].at < edges[j].at
		}
		return edges[i].d < edges[j].d // an end before a start at the same time
	})
	n := 0
	for _, e := range edges {
		n += e.d
		s.MaxRunning = max(s.MaxRunning, n)
	}
	if t.Wall > 0 {
		s.Busy = float64(s.CPU) / float64(t.Wall)
	}
	for _, iv := range t.GC {
		s.GC += iv.End - iv.Start
	}
	return s
}

// String is the summary line: "wall 1.02 s · CPU 1.98 s · 1.94 processors
// busy on average (GOMAXPROCS 2) · 2 goroutines started · at most 2
// running at once · GC 0 s".
func (s Summary) String() string {
	return strings.Join(s.parts(), " · ")
}

// parts are the pieces of the summary line.
func (s Summary) parts() []string {
	busy := fmt.Sprintf("%.2f processors busy on average", s.Busy)
	if s.GOMAXPROCS > 0 {
		busy += fmt.Sprintf(" (GOMAXPROCS %d)", s.GOMAXPROCS)
	}
	gc := "GC " + fmtDur(s.GC)
	if s.GC > 0 && s.Wall > 0 {
		gc += fmt.Sprintf(" (%.0f%% of the wall time, %d %s)", 100*float64(s.GC)/float64(s.Wall), s.GCCycles, plural(s.GCCycles, "cycle"))
	}
	return []string{
		"wall " + fmtDur(s.Wall),
		"CPU " + fmtDur(s.CPU),
		busy,
		fmt.Sprintf("%s %s started", count(s.Started), plural(s.Started, "goroutine")),
		fmt.Sprintf("at most %d running at once", s.MaxRunning),
		gc,
	}
}

// plural returns word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
