package session

import (
	"bytes"
	"context"
	"errors"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gokernel/pipe"
)

// capture collects what is written to a pipe.
type capture struct {
	w    *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	seen chan struct{}
}

const marker = "\x00<<flush>>\x00"

func newCapture(t testing.TB) *capture {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &capture{w: w, seen: make(chan struct{}, 16)}
	go func() {
		b := make([]byte, 64<<10)
		for {
			n, err := r.Read(b)
			c.mu.Lock()
			c.buf.Write(b[:n])
			hit := bytes.Contains(c.buf.Bytes(), []byte(marker))
			c.mu.Unlock()
			if hit {
				c.seen <- struct{}{}
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { w.Close() })
	return c
}

// take returns what was written since the last take.
func (c *capture) take() string {
	_, _ = c.w.WriteString(marker)
	select {
	case <-c.seen:
	case <-time.After(5 * time.Second):
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.buf.String()
	i := strings.Index(s, marker)
	if i < 0 {
		c.buf.Reset()
		return s
	}
	rest := s[i+len(marker):]
	c.buf.Reset()
	c.buf.WriteString(rest)
	return s[:i]
}

// testSession is a Session with captured output.
type testSession struct {
	*Session
	stdout, stderr *capture
	count          int
}

func newTestSession(t testing.TB) *testSession {
	out, errc := newCapture(t), newCapture(t)
	s, err := New(Options{Stdout: out.w, Stderr: errc.w, Stdin: strings.NewReader("")})
	if err != nil {
		t.Fatal(err)
	}
	return &testSession{Session: s, stdout: out, stderr: errc}
}

// result of one cell.
type cellResult struct {
	stdout, stderr string
	out            map[string]any
	err            *pipe.Error
	took           time.Duration
}

func (ts *testSession) run(code string, interruptAfter time.Duration) cellResult {
	ts.count++
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if interruptAfter > 0 {
		time.AfterFunc(interruptAfter, cancel)
	}
	start := time.Now()
	out, err := ts.Execute(ctx, ts.count, code)
	r := cellResult{out: out, took: time.Since(start)}
	if err != nil {
		if !errors.As(err, &r.err) {
			r.err = &pipe.Error{Name: "?", Value: err.Error()}
		}
	}
	r.stdout, r.stderr = ts.stdout.take(), ts.stderr.take()
	return r
}

func (r cellResult) text() string {
	if r.out == nil {
		return ""
	}
	s, _ := r.out["text/plain"].(string)
	return s
}

func (r cellResult) errText() string {
	if r.err == nil {
		return ""
	}
	return r.err.Name + ": " + r.err.Value + "\n" + strings.Join(r.err.Traceback, "\n")
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
