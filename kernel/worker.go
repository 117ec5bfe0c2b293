package kernel

import (
	"context"

	"gokernel/pipe"
)

// Output receives what a running request produces, already bound to the
// request (its parent header). Implementations must be safe for use by
// several goroutines.
type Output interface {
	// Stream publishes text on "stdout" or "stderr".
	Stream(name, text string)
	// Display publishes display_data, update_display_data or clear_output.
	Display(ev *pipe.Event)
	// Input asks the frontend for a line of input and returns it.
	Input(prompt string, password bool) (string, error)
}

// ExecuteRequest is what a Worker needs to run a cell.
type ExecuteRequest struct {
	Code            string
	Count           int
	Silent          bool
	AllowStdin      bool
	UserExpressions map[string]string
}

// Worker runs cells. The kernel holds one and calls it from one request at
// a time, except Interrupt and Shutdown, which may come from any goroutine.
// A Worker whose process dies must report it as an error of the request
// that was running and recover by itself for the next request.
type Worker interface {
	// Execute runs a cell. The reply event carries status, result or error.
	Execute(ctx context.Context, req ExecuteRequest, out Output) *pipe.Event
	// Complete, Inspect and IsComplete answer the matching shell requests.
	Complete(ctx context.Context, code string, cursor int) *pipe.Event
	Inspect(ctx context.Context, code string, cursor, detail int) *pipe.Event
	IsComplete(ctx context.Context, code string) *pipe.Event
	// Interrupt stops the running cell, if any.
	Interrupt()
	// Restart replaces the worker with a fresh one (all state lost).
	Restart() error
	// Shutdown stops the worker and every process it started.
	Shutdown()
}
