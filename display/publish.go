package display

import (
	"fmt"
	"os"
	"strings"
	"sync"
)

// Message is one display message for the frontend.
type Message struct {
	Type      string         // "display_data", "update_display_data" or "clear_output"
	Data      map[string]any // MIME bundle (display/update)
	Metadata  map[string]any // per-MIME-type metadata (display/update)
	DisplayID string         // transient display_id, "" if none
	Wait      bool           // clear_output's wait
}

// Message types.
const (
	typeDisplay = "display_data"
	typeUpdate  = "update_display_data"
	typeClear   = "clear_output"
)

var (
	pubMu     sync.RWMutex
	publisher func(Message)
)

// SetPublisher installs the function that delivers messages to the frontend
// (the worker's). It may be called from any goroutine; nil restores the
// fallback, which prints the text/plain part of displays and updates to
// os.Stdout and ignores clear_output.
//
// SetPublisher is the worker's hook: it is not exported to cells.
func SetPublisher(f func(Message)) {
	pubMu.Lock()
	publisher = f
	pubMu.Unlock()
}

// publish delivers m through the installed publisher, or prints its
// text/plain part when there is none.
func publish(m Message) {
	if m.Metadata == nil {
		m.Metadata = map[string]any{}
	}
	pubMu.RLock()
	f := publisher
	pubMu.RUnlock()
	if f != nil {
		f(m)
		return
	}
	if m.Type == typeClear {
		return
	}
	if s, ok := m.Data[mimeText].(string); ok {
		fmt.Fprintln(os.Stdout, strings.TrimRight(s, "\n"))
	}
}

// warn reports a misuse (bad argument, encoding error) to the cell's stderr.
func warn(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "display: "+format+"\n", args...)
}
