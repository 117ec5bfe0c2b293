// Package goroutine observes the goroutines that notebook cells start: it
// reads Go's goroutine dumps (runtime.Stack), tells the cells' goroutines
// from the process's own, says where each one is blocked and whether they
// are all blocked with nothing left to wake them — a deadlock, in the words
// Go's runtime uses for a whole program.
//
// Where a goroutine is blocked in a cell is not in Go's dump (the
// interpreter's frames carry no cell lines), so the cell compiler puts a
// marker before every statement that may block (see Marks): it labels the
// goroutine (runtime/pprof goroutine labels) with the cell position and the
// kind of operation, and the dump shows the labels. The package imports no
// interpreter; package session wires it to yaegi.
package goroutine
