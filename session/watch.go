package session

import (
	"context"
	"fmt"
	"html"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/goroutine"
)

// The goroutine instruments of a session (package goroutine): the marks
// that say where each goroutine of the cells waits, the timers cells make,
// the watchdog that ends a deadlocked cell with Go's report, the list of
// goroutines an interrupt stopped, and %goroutines.

// instruments are the session's.
type instruments struct {
	marks  *goroutine.Marks
	timers goroutine.Timers
	watch  goroutine.Watchdog

	mu      sync.Mutex
	runs    map[*cellRun]bool // the cells running
	lastKey string            // the state the watchdog saw a deadlock in, to see it twice
	// liveUntil: a look found a reachable timer; it looks again (after a
	// garbage collection) once this time has passed.
	liveUntil time.Time
}

// liveTimerPause is how long the watchdog trusts that a reachable timer
// still is: finding out costs a garbage collection.
const liveTimerPause = 2 * time.Second

// cellRun is a running cell, as the instruments see it.
type cellRun struct {
	cancel context.CancelCauseFunc
	block  atomic.Int64 // the marker code of the step running (Step.Block)
	since  atomic.Int64 // when that step started, in Unix nanoseconds
}

// lookEvery is how often the watchdog looks at the goroutines while a cell
// runs: a deadlock is seen twice, so it is reported within two turns.
const lookEvery = 200 * time.Millisecond

// roles tells the goroutines of cells from the worker's.
var roles = goroutine.Roles{
	Entries: map[string]bool{
		"gokernel/session.(*Session).runGo":                                       true,
		"github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1": true,
		"github.com/traefik/yaegi/interp.(*Interpreter).EvalWithContext.func1":    true,
	},
	Starts: "gokernel/session.(*Session).runGo",
	Process: []string{"runtime.", "gokernel/worker.", "gokernel/session.", "gokernel/goroutine.",
		"gokernel/typecheck.", "gokernel/magic.", "gokernel/proc.", "testing.", "github.com/traefik/yaegi/interp.(*Interpreter)."},
}

// initInstruments makes the session's instruments.
func (s *Session) initInstruments() {
	s.inst = &instruments{marks: goroutine.NewMarks(), runs: map[*cellRun]bool{}}
	s.inst.watch = goroutine.Watchdog{Interval: lookEvery, Look: s.look}
}

// instrumentSymbols are the host functions the instruments give cells: the
// marker, the constructors of timers and their Stop and Reset.
func (s *Session) instrumentSymbols() map[string]map[string]reflect.Value {
	syms := s.inst.timers.Symbols()
	rt := s.inst.timers.Methods()
	rt["At"] = reflect.ValueOf(s.inst.marks.At)
	syms[compiler.RuntimePath+"/cellrt"] = rt
	return syms
}

// begin registers a cell that starts running under parent. Its context is
// not parent's child: an interrupt (parent's cancellation) first lists the
// goroutines of the cells, then stops them with that list as the cause.
// It stops every running cell (cells of several shells): stopping one stops
// every interpreted goroutine, and a cell whose code ended so must not look
// as if it had run to its end.
func (s *Session) begin(parent context.Context) (context.Context, *cellRun, func()) {
	ctx, cancel := context.WithCancelCause(context.WithoutCancel(parent))
	cr := &cellRun{cancel: cancel}
	s.inst.mu.Lock()
	s.inst.runs[cr] = true
	s.inst.mu.Unlock()
	stop := context.AfterFunc(parent, func() {
		if ctx.Err() != nil {
			return // stopped with another cell
		}
		e := s.interrupted()
		s.inst.mu.Lock()
		for other := range s.inst.runs {
			other.cancel(e)
		}
		s.inst.mu.Unlock()
		cancel(e)
	})
	s.inst.watch.Begin()
	return ctx, cr, func() {
		stop()
		s.inst.watch.End()
		s.inst.mu.Lock()
		delete(s.inst.runs, cr)
		s.inst.mu.Unlock()
		cancel(nil)
	}
}

// stepBlock notes the marker code of the step about to run (0 after it).
func (cr *cellRun) stepBlock(code int) {
	cr.block.Store(int64(code))
	cr.since.Store(time.Now().UnixNano())
}

// look is a turn of the watchdog: a deadlock seen twice in a row, with no
// timer pending, ends the running cells.
func (s *Session) look() {
	in := s.inst
	in.mu.Lock()
	var runs []*cellRun // the cells the dump is about (not one that starts after it)
	for cr := range in.runs {
		runs = append(runs, cr)
	}
	in.mu.Unlock()
	gs := goroutine.Dump()
	goroutine.Forget(gs)
	v := goroutine.Judge(gs, roles, in.marks)
	in.mu.Lock()
	seen := in.lastKey == v.Key
	in.lastKey = ""
	if v.Deadlock && !seen {
		in.lastKey = v.Key
	}
	in.mu.Unlock()
	if !v.Deadlock || !seen || in.timers.Pending(false) || time.Now().Before(in.liveUntil) {
		return
	}
	if in.timers.Pending(true) {
		in.liveUntil = time.Now().Add(liveTimerPause)
		return
	}
	e := &compiler.Error{Name: "fatal error", Msg: "all goroutines are asleep - deadlock!", Notes: []string{""}}
	var ids []int64
	for i, st := range v.Cells {
		if i < maxListed {
			e.Notes = append(e.Notes, s.describe(st, false))
		}
		ids = append(ids, st.G.ID)
	}
	if len(v.Cells) > maxListed {
		e.Notes = append(e.Notes, fmt.Sprintf("... and %d more", len(v.Cells)-maxListed))
	}
	goroutine.End(ids...)
	for _, cr := range runs {
		cr.cancel(e)
	}
}

// interrupted lists the goroutines of the cells, which the interrupt
// stops, and returns the interrupt's error with the list.
func (s *Session) interrupted() error {
	gs := goroutine.Dump()
	v := goroutine.Judge(gs, roles, s.inst.marks)
	e := &compiler.Error{Name: "Interrupted", Msg: "the cell was interrupted"}
	var ids []int64
	parked := false
	for i, st := range v.Cells {
		ids = append(ids, st.G.ID)
		if i == 0 {
			e.Notes = append(e.Notes, "", "goroutines of the cells when it was interrupted:")
		}
		if i < maxListed {
			e.Notes = append(e.Notes, "  "+s.describe(st, true))
		}
		parked = parked || st.Block.Kind == goroutine.Lock || st.Block.Kind == goroutine.Wait
	}
	if len(v.Cells) > maxListed {
		e.Notes = append(e.Notes, fmt.Sprintf("  ... and %d more", len(v.Cells)-maxListed))
	}
	if parked {
		e.Notes = append(e.Notes, "(a goroutine parked in Lock or Wait cannot be stopped: it stays parked, and runs no more cell code if woken)")
	}
	goroutine.End(ids...)
	return e
}

// maxListed is how many goroutines a deadlock report or an interrupt
// lists, maxRows how many rows %goroutines shows (after Group).
const (
	maxListed = 20
	maxRows   = 200
)

// describe is one line about a goroutine of a cell: "goroutine 7 [chan
// send]: In [3], line 5: ch <- 1 (started at In [3], line 4)", with how
// long it has been so when long is set.
func (s *Session) describe(st goroutine.Stuck, long bool) string {
	p := s.placeOf(st)
	b := fmt.Sprintf("goroutine %d [%s]", st.G.ID, p.state)
	if long && p.since >= 0 {
		b += " for " + goroutine.Duration(p.since)
	}
	b += ": "
	switch {
	case p.where != "" && p.code != "":
		b += p.where + ": " + p.code
	case p.where != "":
		b += p.where
	case st.Block.Call != "":
		b += "in " + st.Block.Call
	case st.Block.Stuck || st.Block.Kind == goroutine.Sleep:
		b += "at a line not known"
	default:
		b = strings.TrimSuffix(b, ": ")
	}
	return b + " (" + p.started + ")"
}

// place is where a goroutine of a cell is.
type place struct {
	state        string
	where, code  string        // "In [3], line 5", "ch <- 1"; "" if not known
	since        time.Duration // how long it has been there, < 0 if not known
	started      string        // "started at In [3], line 4", "the cell"
	startedPlain string        // "In [3], line 4", "the cell"
}

// placeOf finds where st waits: the position of the goroutine's last
// marker if it stands before the operation it is in (see
// goroutine.Block.Matches), else for a cell's own goroutine, the marker of
// the step it runs (a step of its own cannot hold a marker).
func (s *Session) placeOf(st goroutine.Stuck) place {
	p := place{state: st.Block.State, since: -1, started: "the cell", startedPlain: "the cell"}
	label, labelled := s.inst.marks.Label(st.G)
	if labelled && label.Started != "" {
		p.started, p.startedPlain = "started at "+label.Started, label.Started
	}
	code, since, coarse := 0, time.Time{}, false
	switch {
	case labelled && label.Code != 0 && matches(st.Block, label.Code):
		code, since, coarse = label.Code, label.Since, true
	case st.Itself:
		if cr := s.onlyRun(); cr != nil && cr.block.Load() != 0 && matches(st.Block, int(cr.block.Load())) {
			code, since = int(cr.block.Load()), time.Unix(0, cr.since.Load())
		}
	case labelled && label.Code == 0 && (st.G.State == "running" || st.G.State == "runnable"):
		since, coarse = label.Since, true // running since it started
	}
	if code != 0 {
		pos, k := goroutine.Decode(code)
		if k == goroutine.SelectNone {
			p.state = "select (no cases)"
		}
		p.where, p.code = s.position(pos)
	}
	if !since.IsZero() {
		p.since = time.Since(since)
		if coarse && p.since >= time.Second {
			// A label holds the second it was set in: the time passed
			// since is up to a second less than since says.
			p.since -= time.Second / 2
		}
	}
	if st.G.Minutes > 0 {
		p.since = max(p.since, time.Duration(st.G.Minutes)*time.Minute)
	}
	return p
}

func matches(b goroutine.Block, code int) bool {
	_, k := goroutine.Decode(code)
	return b.Matches(k)
}

// onlyRun returns the running cell when exactly one runs.
func (s *Session) onlyRun() *cellRun {
	s.inst.mu.Lock()
	defer s.inst.mu.Unlock()
	if len(s.inst.runs) != 1 {
		return nil
	}
	for cr := range s.inst.runs {
		return cr
	}
	return nil
}

// position returns "In [3], line 5" and the source line of a position of
// yaegi's (see cellsrc.CellLine).
func (s *Session) position(pos int) (where, code string) {
	serial, line := cellsrc.CellLine(pos)
	s.mu.Lock()
	c := s.cells[serial]
	s.mu.Unlock()
	if c == nil || line <= 0 {
		return "", ""
	}
	where = compiler.InLabel(c.count) + ", line " + fmt.Sprint(line)
	if lines := strings.Split(c.src, "\n"); line <= len(lines) {
		code = strings.TrimSpace(lines[line-1])
	}
	return where, code
}

// Goroutines is %goroutines: the goroutines the cells started that are
// alive, as an HTML table with a text/plain fallback.
func (s *Session) Goroutines() map[string]any {
	gs := goroutine.Dump()
	goroutine.Forget(gs)
	v := goroutine.Judge(gs, roles, s.inst.marks)
	var rows []goroutine.Row
	for _, st := range v.Cells {
		p := s.placeOf(st)
		row := goroutine.Row{ID: st.G.ID, State: p.state, For: p.since, Started: p.startedPlain, Where: p.where, Code: p.code}
		if row.Where == "" && st.Block.Call != "" {
			row.Where = "in " + st.Block.Call
		}
		if st.Itself {
			row.Started = "a running cell"
		}
		rows = append(rows, row)
	}
	rows = goroutine.Group(rows)
	more := 0
	for _, r := range rows[min(len(rows), maxRows):] {
		more += 1 + r.More
	}
	rows = rows[:min(len(rows), maxRows)]
	grouped := false
	for _, r := range rows {
		grouped = grouped || r.More > 0
	}
	parked := 0
	for i := range gs {
		if goroutine.Ended(gs[i].ID) && roles.IsCell(&gs[i]) {
			parked++
		}
	}
	note := ""
	if grouped {
		note = "(+N): N more goroutines in the same state at the same place, started at the same line. "
	}
	if more > 0 {
		note = fmt.Sprintf("... and %d more goroutines. ", more)
	}
	if parked > 0 {
		note += fmt.Sprintf("%d goroutine(s) stopped by an interrupt or a deadlock report are still parked where Go cannot end them; they run no more cell code.", parked)
	}
	if len(rows) == 0 {
		text := "No goroutine started by a cell is running or blocked."
		if note != "" {
			text += "\n" + note
		}
		return map[string]any{"text/plain": text, "text/html": "<p>" + html.EscapeString(text) + "</p>"}
	}
	text, htm := goroutine.Text(rows), goroutine.HTML(rows)
	if note != "" {
		text += note + "\n"
		htm += "\n<p>" + html.EscapeString(note) + "</p>"
	}
	return map[string]any{"text/plain": text, "text/html": htm}
}

// CellGoroutines returns the live goroutines of the cells (those a cell
// runs on and those cells started), as %goroutines lists them.
func (s *Session) CellGoroutines() []goroutine.Row {
	gs := goroutine.Dump()
	v := goroutine.Judge(gs, roles, s.inst.marks)
	rows := make([]goroutine.Row, 0, len(v.Cells))
	for _, st := range v.Cells {
		p := s.placeOf(st)
		row := goroutine.Row{ID: st.G.ID, State: p.state, For: p.since, Started: p.startedPlain, Where: p.where, Code: p.code}
		if st.Itself {
			row.Started = "a running cell"
		}
		rows = append(rows, row)
	}
	return rows
}
