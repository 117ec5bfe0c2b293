// Package schedtrace reads a Go execution trace (runtime/trace, parsed with
// golang.org/x/exp/trace) of one notebook cell and draws what the scheduler
// did as an SVG timeline: a row per goroutine the cell started, coloured by
// state (running, runnable, blocked on a channel, select, mutex, sleep, I/O
// or GC), and a row per processor (P) showing which goroutine ran there.
//
// The trace is of the whole worker process. Which goroutines belong to the
// cell is told by marks the worker writes into the trace (see marks.go): a
// Begin and an End log written by the goroutine that runs the cell (the
// root), and a GoCategory log in which every goroutine a cell's go
// statement starts names the cell line that started it. The cell's code
// runs on goroutines the root creates (the interpreter's, told apart by
// their start function: Options.Main); every goroutine they create,
// directly or not, is the cell's. All other goroutines (the interpreter's
// machinery, the kernel's own, the runtime's) never get a row.
//
// The package imports no interpreter: Read turns a trace into a Trace
// (model.go, read.go), Summarize into figures (summary.go), SVG and Text
// draw it (svg.go, raster.go, draw.go, text.go).
package schedtrace
