package schedtrace

import (
	"fmt"
	"strings"
	"time"
)

// The text/plain rendering of the picture.

// Text renders t as text, the picture's fallback for consoles and
// text exports: the title, the summary line, how busy each processor was
// with the cell, and for each goroutine row the share of its life in each
// state.
func Text(t *Trace, o DrawOptions) string {
	var sb strings.Builder
	sb.WriteString(o.Title + "\n" + t.Summarize().String() + "\n")
	if !o.NoProcs {
		for _, p := range t.Procs {
			busy := 0.0
			if t.Wall > 0 {
				busy = 100 * float64(p.Busy()) / float64(t.Wall)
			}
			fmt.Fprintf(&sb, "P%d: %.0f%% busy with the cell\n", p.ID, busy)
		}
	}
	if !o.NoGoroutines {
		for _, r := range rows(t, o) {
			var per [numStates]time.Duration
			var life time.Duration
			for _, g := range r.gs {
				for _, s := range g.Spans {
					per[s.State] += s.End - s.Start
					life += s.End - s.Start
				}
			}
			var parts []string
			for s := State(0); s < numStates; s++ {
				if per[s] > 0 && life > 0 {
					parts = append(parts, fmt.Sprintf("%s %.0f%%", shortNames[s], 100*float64(per[s])/float64(life)))
				}
			}
			fmt.Fprintf(&sb, "%s: %s\n", r.name, strings.Join(parts, ", "))
		}
	}
	return strings.TrimRight(sb.String(), "\n")
}
