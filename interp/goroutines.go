package interp

import (
	"fmt"
	"strings"
)

// goPanic is called (as cellrt.GoPanic) by the recover that rewritten go
// statements defer: it prints the panic to stderr and fails the running
// cell, as an unrecovered panic ends a Go program. The process survives.
func (s *Session) goPanic(value any, started string) {
	e := panicError(value, s.takeFrames(goroutineID()))
	e.name, e.msg = "panic", "panic in goroutine: "+e.msg
	lines := []string{e.msg}
	for _, f := range e.frames {
		if w, _ := s.where(nil, f.line, f.col); w != "" {
			if fn := funcName(f.fn); fn != "" {
				w += ", in " + fn
			}
			lines = append(lines, "\tat "+w)
		}
	}
	lines = append(lines, "\tgoroutine started at "+started)
	_, _ = fmt.Fprintln(s.stderr, strings.Join(lines, "\n"))
	s.mu.Lock()
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel(e)
	}
}
