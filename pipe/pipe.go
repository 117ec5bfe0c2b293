// Package pipe defines the protocol on the pipes between the kernel
// (package kernel) and the worker process (package worker).
//
// The supervisor starts the worker with three extra pipes besides its
// standard streams:
//
//	fd 0        /dev/null (cells read input through input requests, not fd 0)
//	fd 1, fd 2  stdout and stderr of the worker: everything written there,
//	            by cells or by processes they start, becomes stream output
//	fd 3        requests, supervisor -> worker
//	fd 4        events, worker -> supervisor
//
// Requests and events are JSON objects, one per line. Every request with an
// ID is answered by exactly one event of kind "reply" with the same ID.
// Other events (display, input requests) carry the ID of the request they
// belong to.
//
// Output ordering: before an event whose position relative to stream output
// matters (a reply, a display), the worker writes a flush marker carrying a
// sequence number into fd 1 and fd 2 and puts that number in the event's
// Flush field. The supervisor holds the event until both streams have been
// read up to that marker, so text printed before a display or before the end
// of a cell is always published before it.
package pipe

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Version is the gokernel release; both processes report it.
const Version = "0.1.0"

// Request kinds (supervisor -> worker).
const (
	OpExecute    = "execute"
	OpComplete   = "complete"
	OpInspect    = "inspect"
	OpIsComplete = "is_complete"
	OpInterrupt  = "interrupt"   // no reply; cancels the running cell
	OpInputReply = "input_reply" // answers an input event
	OpShutdown   = "shutdown"
	OpDebug      = "debug" // a DAP request (Request.DAP), answered by a reply with Event.DAP
)

// Event kinds (worker -> supervisor).
const (
	EvReady   = "ready"   // the worker is up; sent once, ID 0
	EvReply   = "reply"   // the answer to a request
	EvDisplay = "display" // display_data, update_display_data or clear_output
	EvInput   = "input"   // the cell asks for a line of input
	EvDebug   = "debug"   // a DAP event (Event.DAP), published as debug_event; ID 0
)

// Request is one line on fd 3.
type Request struct {
	ID   int64  `json:"id"`
	Op   string `json:"op"`
	Code string `json:"code,omitempty"`
	// Cursor is a rune offset into Code (complete, inspect).
	Cursor int `json:"cursor,omitempty"`
	// DetailLevel is inspect's detail_level.
	DetailLevel int `json:"detail_level,omitempty"`
	// Count is the execution count shown as In [Count].
	Count int `json:"count,omitempty"`
	// Silent: no output is wanted, and the cell does not count.
	Silent bool `json:"silent,omitempty"`
	// AllowStdin: input requests may be sent to the frontend.
	AllowStdin bool `json:"allow_stdin,omitempty"`
	// UserExpressions are evaluated after the cell (execute).
	UserExpressions map[string]string `json:"user_expressions,omitempty"`
	// Value is the text of an input reply.
	Value string `json:"value,omitempty"`
	// DAP is the Debug Adapter Protocol request of a debug request.
	DAP json.RawMessage `json:"dap,omitempty"`
}

// Event is one line on fd 4.
type Event struct {
	ID    int64  `json:"id"`
	Kind  string `json:"kind"`
	Flush int64  `json:"flush,omitempty"`

	// Reply fields.
	Status string `json:"status,omitempty"` // "ok" or "error"
	// Error is set when Status is "error".
	Error *Error `json:"error,omitempty"`
	// Result is the Out[n] MIME bundle of an execute reply.
	Result map[string]any `json:"result,omitempty"`
	// UserExpressions are the results of the request's user_expressions.
	UserExpressions map[string]any `json:"user_expressions,omitempty"`
	// Matches, CursorStart, CursorEnd and Metadata answer complete.
	Matches     []string       `json:"matches,omitempty"`
	CursorStart int            `json:"cursor_start,omitempty"`
	CursorEnd   int            `json:"cursor_end,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty"`
	// Found and Data answer inspect (Data is a MIME bundle).
	Found bool           `json:"found,omitempty"`
	Data  map[string]any `json:"data,omitempty"`
	// Indent answers is_complete; Status holds complete/incomplete/invalid.
	Indent string `json:"indent,omitempty"`
	// Version is the Go version the worker runs (ready event).
	Version string `json:"version,omitempty"`

	// Display fields: Type is display_data, update_display_data or
	// clear_output; Data and Metadata are the bundle; DisplayID is the
	// transient display_id; Wait is clear_output's wait.
	Type      string `json:"type,omitempty"`
	DisplayID string `json:"display_id,omitempty"`
	Wait      bool   `json:"wait,omitempty"`

	// Input fields.
	Prompt   string `json:"prompt,omitempty"`
	Password bool   `json:"password,omitempty"`

	// DAP is the Debug Adapter Protocol response of a debug reply, or the
	// DAP event of a debug event.
	DAP json.RawMessage `json:"dap,omitempty"`
}

// Error is a cell error as Jupyter shows it.
type Error struct {
	Name      string   `json:"ename"`
	Value     string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// MarkerPrefix starts every flush marker written to fd 1 and fd 2. A marker
// is MarkerPrefix, the decimal sequence number and MarkerSuffix; it is
// always written in a single write of less than PIPE_BUF bytes, so it is
// never interleaved with other output.
const (
	MarkerPrefix = "\x00\x1bGOKERNEL-FLUSH:"
	MarkerSuffix = "\x1b\x00"
)

// Marker returns the flush marker for sequence number seq.
func Marker(seq int64) []byte {
	return []byte(MarkerPrefix + strconv.FormatInt(seq, 10) + MarkerSuffix)
}

// Encode returns v as one JSON line.
func Encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("pipe: %w", err)
	}
	return append(b, '\n'), nil
}

// ErrorReply returns a reply event with status "error".
func ErrorReply(name, value string) *Event {
	return &Event{Kind: EvReply, Status: "error",
		Error: &Error{Name: name, Value: value, Traceback: []string{name + ": " + value}}}
}

// ErrNoStdin is the error of a cell that reads its standard input when the
// frontend does not allow input requests.
var ErrNoStdin = errors.New("reading input is not supported here: the frontend did not allow stdin (allow_stdin is false)")
