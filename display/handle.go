package display

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// Handle is an output that can be replaced in place. The first Update shows
// it (display_data); later ones replace it wherever it is shown
// (update_display_data with the same display_id), even from a later cell.
// A Handle is safe for concurrent use; the zero Handle is ready to use.
type Handle struct {
	mu    sync.Mutex
	id    string
	shown bool
}

// New shows b and returns a Handle to update it.
func New(b MIMEBundle) *Handle {
	h := NewHandle()
	h.Update(b)
	return h
}

// NewHandle returns a Handle with a fresh display_id; nothing is shown until
// its first Update.
func NewHandle() *Handle { return &Handle{id: newID()} }

// ID returns the handle's display_id.
func (h *Handle) ID() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.idLocked()
}

func (h *Handle) idLocked() string {
	if h.id == "" {
		h.id = newID()
	}
	return h.id
}

// Update replaces the output with b (with a text/plain fallback added as in
// Display), or shows it if this is the handle's first output.
func (h *Handle) Update(b MIMEBundle) {
	data := withPlain(b)
	h.mu.Lock()
	defer h.mu.Unlock()
	typ := typeUpdate
	if !h.shown {
		typ, h.shown = typeDisplay, true
	}
	// Publishing under the lock keeps concurrent updates in order.
	publish(Message{Type: typ, Data: data, DisplayID: h.idLocked()})
}

// HTML replaces the output with HTML (see the function HTML).
func (h *Handle) HTML(s string) { h.Update(htmlBundle(s)) }

// Markdown replaces the output with Markdown (see the function Markdown).
func (h *Handle) Markdown(s string) { h.Update(markdownBundle(s)) }

// Text replaces the output with plain text.
func (h *Handle) Text(s string) { h.Update(MIMEBundle{mimeText: s}) }

// SVG replaces the output with an SVG image (see the function SVG).
func (h *Handle) SVG(s string) { h.Update(svgBundle(s)) }

var (
	idCount  atomic.Uint64
	idPrefix = func() string {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return fmt.Sprintf("gokernel-%d", os.Getpid())
		}
		return fmt.Sprintf("gokernel-%d-%s", os.Getpid(), hex.EncodeToString(b[:]))
	}()
)

// newID returns a display_id unique across handles, workers and restarts:
// process id and random bytes, then a counter.
func newID() string {
	return fmt.Sprintf("%s-%d", idPrefix, idCount.Add(1))
}
