package session

import (
	"strings"
	"testing"
	"time"
)

// cell is one cell of a test sequence and what it must produce.
type cell struct {
	code string
	// out is the expected text/plain of Out[n]; "" means no Out.
	out string
	// stdout is the exact expected output; with anyOrder, its lines in any order.
	stdout   string
	anyOrder bool
	// stderr must be contained in the cell's stderr.
	stderr string
	// err must be contained in the error (name, value and traceback); ""
	// means the cell must succeed.
	err string
	// html is the expected text/html.
	html string
	// interrupt cancels the cell after this long; it must then return
	// within a second.
	interrupt time.Duration
	// ignoreStdout skips the stdout check.
	ignoreStdout bool
}

type sequence struct {
	name  string
	cells []cell
}

func TestCells(t *testing.T) {
	for _, seq := range sequences {
		t.Run(seq.name, func(t *testing.T) {
			ts := newTestSession(t)
			for i, c := range seq.cells {
				r := ts.run(c.code, c.interrupt)
				ctx := func() string { return "cell " + itoa(i) + " " + quote(c.code) }
				if c.err != "" {
					if r.err == nil {
						t.Fatalf("%s: want error %q, got none (out %q, stdout %q)", ctx(), c.err, r.text(), r.stdout)
					}
					if !strings.Contains(r.errText(), c.err) {
						t.Fatalf("%s: error %q does not contain %q", ctx(), r.errText(), c.err)
					}
					if strings.Contains(r.errText(), "__gk") {
						t.Errorf("%s: error shows internal names: %q", ctx(), r.errText())
					}
				} else if r.err != nil {
					t.Fatalf("%s: unexpected error %s (stderr %q)", ctx(), r.errText(), r.stderr)
				}
				if got := r.text(); got != c.out {
					t.Errorf("%s: Out = %q, want %q", ctx(), got, c.out)
				}
				if c.html != "" && r.out["text/html"] != c.html {
					t.Errorf("%s: text/html = %v, want %q", ctx(), r.out["text/html"], c.html)
				}
				if !c.ignoreStdout {
					got, want := r.stdout, c.stdout
					if c.anyOrder {
						got, want = sortedLines(got), sortedLines(want)
					}
					if got != want {
						t.Errorf("%s: stdout = %q, want %q", ctx(), r.stdout, c.stdout)
					}
				}
				if c.stderr != "" && !strings.Contains(r.stderr, c.stderr) {
					t.Errorf("%s: stderr %q does not contain %q", ctx(), r.stderr, c.stderr)
				}
				if strings.Contains(r.stderr, "panic: main.") || strings.Contains(r.stderr, "(...)") {
					t.Errorf("%s: stderr shows yaegi frames: %q", ctx(), r.stderr)
				}
				if c.interrupt > 0 && r.took > c.interrupt+time.Second {
					t.Errorf("%s: interrupted cell took %v", ctx(), r.took)
				}
			}
		})
	}
}
