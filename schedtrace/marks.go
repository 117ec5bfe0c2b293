package schedtrace

import (
	"context"
	"runtime/trace"
)

// The marks the worker writes into a trace, for Read to find the cell in it.

// Marks written into the trace with runtime/trace.Log.
const (
	// Category is the category of the Begin and End logs.
	Category = "gokernel.trace"
	// Begin is logged by the root goroutine just before the cell runs.
	Begin = "begin"
	// End is logged by the root goroutine just after the cell ran.
	End = "end"
	// GoCategory is the category of the log in which a goroutine started
	// by a cell names where it was started ("In [3], line 5").
	GoCategory = "gokernel.go"
)

// LabelGoroutine names, in the trace being recorded, the calling goroutine
// by where it was started. It costs nothing when no trace is recorded.
func LabelGoroutine(started string) {
	if trace.IsEnabled() {
		trace.Log(context.Background(), GoCategory, started)
	}
}

// Mark writes the Begin or End mark on the calling goroutine.
func Mark(what string) {
	trace.Log(context.Background(), Category, what)
}
