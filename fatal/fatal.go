// Package fatal finds Go's fatal error or panic message at the end of a
// program's stderr, so the kernel can quote it when a worker dies and
// %%compile can quote it when a compiled program fails.
package fatal

import (
	"bytes"
	"strings"
	"sync"
)

// Message extracts Go's fatal error text from the end of stderr: the last
// "fatal error: ..." line with the "runtime: ..." lines just before it, or
// else the last "panic: ..." block. It returns "" if there is neither.
func Message(stderr string) string {
	lines := strings.Split(stderr, "\n")
	at := -1
	for i := len(lines) - 1; i >= 0 && at < 0; i-- {
		if strings.HasPrefix(lines[i], "fatal error: ") {
			at = i
		}
	}
	if at >= 0 {
		for at > 0 && strings.HasPrefix(lines[at-1], "runtime: ") {
			at--
		}
	} else {
		for i := len(lines) - 1; i >= 0 && at < 0; i-- {
			if strings.HasPrefix(lines[i], "panic: ") {
				at = i
			}
		}
	}
	if at < 0 {
		return ""
	}
	var msg []string
	for _, l := range lines[at:] {
		l = strings.TrimRight(l, "\r ")
		if l == "" || strings.HasPrefix(l, "goroutine ") {
			break
		}
		msg = append(msg, l)
	}
	return strings.Join(msg, "\n")
}

// Tail is an io.Writer that keeps the last bytes of a program's stderr,
// and the text around the last fatal error line (a stack overflow is
// followed by far more runtime traceback than the tail keeps). It is safe
// for use by several goroutines.
type Tail struct {
	mu    sync.Mutex
	buf   []byte
	fatal []byte // from a little before the last "fatal error: " line on
}

const (
	tailSize  = 16 << 10
	fatalSize = 4 << 10
)

// Write implements io.Writer.
func (t *Tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > tailSize {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-tailSize:]...)
	}
	if i := bytes.LastIndex(t.buf, []byte("fatal error: ")); i >= len(t.buf)-len(b)-len("fatal error: ") && i >= 0 {
		// A new fatal error: keep the runtime lines just before it.
		t.fatal = append([]byte(nil), t.buf[max(0, i-1024):]...)
	} else if t.fatal != nil && len(t.fatal) < fatalSize {
		t.fatal = append(t.fatal, b...)
	}
	return len(b), nil
}

// String returns the kept bytes.
func (t *Tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// Message returns Go's last fatal error message (or a panic's), or "".
func (t *Tail) Message() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fatal != nil {
		if msg := Message(string(t.fatal)); msg != "" {
			return msg
		}
	}
	return Message(string(t.buf))
}

// Line returns the first line of Message if there is one, else the last
// line of the tail that holds text: what to quote after "exit status 2: ".
func (t *Tail) Line() string {
	if msg := t.Message(); msg != "" {
		first, _, _ := strings.Cut(msg, "\n")
		return strings.TrimSpace(first)
	}
	lines := strings.Split(strings.TrimSpace(t.String()), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
