package session

import (
	"fmt"
	"runtime"
	"strings"

	"gokernel/goroutine"
	"gokernel/schedtrace"
)

// maxPendingGo is how many goroutines may be started and not yet running
// before a go statement yields to them. Interpreted goroutines need stacks
// of several KB, and a loop that starts 10,000 short ones would otherwise
// get ahead of them and hold thousands at once (tens of MB).
const maxPendingGo = 32

// goStart runs a cell's go statement (cellrt.Go): it starts f on a new
// goroutine that recovers a panic, which goPanic reports, labelled with
// started, where the statement is (see goroutine.Marks).
func (s *Session) goStart(started string, f func()) {
	s.liveGo.Add(1)
	if s.pendingGo.Add(1) > maxPendingGo {
		runtime.Gosched()
	}
	s.inst.marks.Go(started, func() { go s.runGo(started, f) })
}

// runGo runs f, a goroutine a cell started at started (its stack's bottom
// frame tells the goroutines of cells apart: see watch.go).
func (s *Session) runGo(started string, f func()) {
	schedtrace.LabelGoroutine(started) // for %%trace; nothing when not tracing
	s.pendingGo.Add(-1)
	defer s.liveGo.Add(-1)
	defer func() {
		if r := recover(); r != nil && r != goroutine.Stopped { // an interrupt ended its select
			s.goPanic(r, started)
		}
	}()
	f()
}

// goPanic prints a panic in a goroutine a cell started to stderr and fails
// the running cell, as an unrecovered panic ends a Go program. The process
// survives.
func (s *Session) goPanic(value any, started string) {
	e := panicError(value, s.takeFrames(goroutine.CurrentID()))
	e.Name, e.Msg = "panic", "panic in goroutine: "+e.Msg
	lines := []string{e.Msg}
	for _, f := range e.Frames {
		if w, _ := s.where(nil, f.Line, f.Col); w != "" {
			if fn := funcName(f.Func); fn != "" {
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
