package magic

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"runtime/trace"
	"strings"
	"sync/atomic"
	"time"

	"gokernel/compiler"
	"gokernel/display"
	"gokernel/schedtrace"
)

// tracing is set while a %%trace runs: the worker is one process, and Go
// records one execution trace at a time.
var tracing atomic.Bool

// traceOptions are the flags of %%trace.
type traceOptions struct {
	procs, goroutines bool
	rows              int
}

func parseTrace(args string) (traceOptions, error) {
	var o traceOptions
	fs := flag.NewFlagSet("trace", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.procs, "procs", false, "only the processor rows")
	fs.BoolVar(&o.goroutines, "goroutines", false, "only the goroutine rows")
	fs.IntVar(&o.rows, "rows", 20, "goroutines drawn one per row")
	err := fs.Parse(strings.Fields(args))
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("unexpected %q", fs.Arg(0))
	}
	if err == nil && o.procs && o.goroutines {
		err = fmt.Errorf("-procs and -goroutines leave nothing to draw together; give one")
	}
	if err != nil {
		return o, magicError("%%%%trace: %v (usage: %%%%trace [-procs | -goroutines] [-rows N])", err)
	}
	return o, nil
}

// readOptions tell schedtrace how the interpreter runs a cell: on
// goroutines of yaegi's, with channel operations as selects.
var readOptions = schedtrace.Options{
	Main: func(fn string) bool { return strings.HasPrefix(fn, "github.com/traefik/yaegi/") },
	Wait: func(stack []string) (schedtrace.State, bool) {
		for _, fn := range stack {
			name, ok := strings.CutPrefix(fn, "github.com/traefik/yaegi/interp.")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(name, "recv"), strings.HasPrefix(name, "send"), strings.HasPrefix(name, "rangeChan"):
				return schedtrace.Chan, true
			case strings.HasPrefix(name, "_select"):
				return schedtrace.Select, true
			}
		}
		return 0, false
	},
}

// cellTrace is %%trace: it runs the cell under Go's execution tracer and
// shows what the scheduler did as a picture (see package schedtrace). The
// cell's error, if any, is its own, after the picture.
func cellTrace(c *call) (map[string]any, error) {
	o, err := parseTrace(c.args)
	if err != nil {
		return nil, err
	}
	if !tracing.CompareAndSwap(false, true) {
		return nil, magicError("%%%%trace: another cell is being traced; the worker records one trace at a time: run this cell again when that one has finished")
	}
	defer tracing.Store(false)
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		return nil, magicError("%%%%trace: the execution tracer is already running (%v): was runtime/trace.Start called in a cell?", err)
	}
	schedtrace.Mark(schedtrace.Begin)
	result, runErr := c.r.Run(c.ctx, c.count, "\n"+c.body)
	schedtrace.Mark(schedtrace.End)
	trace.Stop()

	size := buf.Len()
	t0 := time.Now()
	tr, err := schedtrace.Read(&buf, readOptions)
	if err != nil {
		fmt.Fprintf(c.r.Stderr, "%%%%trace: the trace could not be read: %v\n", err)
		return result, runErr
	}
	read := time.Since(t0)
	if len(tr.Goroutines) == 0 && runErr != nil {
		return result, runErr // it did not compile: no code ran, nothing to draw
	}
	cell := compiler.InLabel(c.count)
	do := schedtrace.DrawOptions{Title: "%%trace of " + cell, Cell: cell, NoGoroutines: o.procs, NoProcs: o.goroutines, MaxRows: o.rows}
	svg := schedtrace.SVG(tr, do)
	text := schedtrace.Text(tr, do)
	text += fmt.Sprintf("\n(trace: %.1f KB, %s events, read in %s, drawn in %s)", float64(size)/1000, countFmt(tr.Events), round(read), round(time.Since(t0)-read))
	display.Display(display.MIMEBundle{"image/svg+xml": svg, "text/plain": text})
	return result, runErr
}

// round rounds d for a human: 123.4ms, 1.2ms.
func round(d time.Duration) time.Duration {
	if d > time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// countFmt formats n with thousands separators.
func countFmt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
