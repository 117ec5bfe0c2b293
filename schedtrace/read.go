package schedtrace

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	xt "golang.org/x/exp/trace"
)

// Reading a trace: the events of golang.org/x/exp/trace, in time order,
// turned into the model, for the window between the Begin and End marks.

// Options tell Read how the worker runs cells.
type Options struct {
	// Main reports whether a goroutine that the root created, starting in
	// function fn, runs the cell's code (the interpreter runs each part of
	// a cell on a goroutine of its own). Nil: every goroutine the root
	// creates does.
	Main func(fn string) bool
	// Wait refines the state of a cell goroutine blocked in a select, from
	// the functions on its stack (innermost first): an interpreter may
	// implement a plain channel send or receive with a select. It returns
	// false to keep Select.
	Wait func(stack []string) (State, bool)
}

// gstate is the state of one of the cell's goroutines while reading.
type gstate struct {
	g     *Goroutine
	state State
	since time.Duration
	ended bool
}

// pstate is the state of one processor while reading.
type pstate struct {
	p     *Proc
	g     xt.GoID // running on it, or NoGoroutine
	since time.Duration
	gone  bool // destroyed (GOMAXPROCS lowered)
}

// reader turns the events of a trace into a Trace.
type reader struct {
	opts    Options
	begun   bool
	root    xt.GoID
	t0      xt.Time
	gs      map[xt.GoID]*gstate
	order   []*gstate
	procs   map[xt.ProcID]*pstate
	gcWork  map[xt.GoID]bool
	gcStack map[xt.Stack]bool
	markAt  time.Duration // start of the open GC mark phase, or -1
	stwAt   time.Duration // start of the open GC stop-the-world, or -1
	out     *Trace
}

// Read reads the trace of a cell, recorded between the Begin and End marks
// (see marks.go), and returns what its goroutines and the processors did.
func Read(r io.Reader, opts Options) (*Trace, error) {
	tr, err := xt.NewReader(r)
	if err != nil {
		return nil, err
	}
	rd := &reader{opts: opts, gs: map[xt.GoID]*gstate{}, procs: map[xt.ProcID]*pstate{},
		gcWork: map[xt.GoID]bool{}, gcStack: map[xt.Stack]bool{}, markAt: -1, stwAt: -1, out: &Trace{}}
	var last xt.Time
	for {
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the trace: %w", err)
		}
		rd.out.Events++
		last = ev.Time()
		if rd.event(ev) {
			rd.finish(rd.off(ev.Time()))
			return rd.out, nil
		}
	}
	if !rd.begun {
		return nil, errors.New("the trace holds no begin mark")
	}
	rd.finish(rd.off(last)) // the end mark is missing: the trace was cut
	return rd.out, nil
}

// off returns the offset of t from the begin mark.
func (rd *reader) off(t xt.Time) time.Duration { return t.Sub(rd.t0) }

// event handles one event; it returns true at the end mark.
func (rd *reader) event(ev xt.Event) bool {
	switch ev.Kind() {
	case xt.EventMetric:
		if m := ev.Metric(); m.Name == "/sched/gomaxprocs:threads" {
			rd.out.GOMAXPROCS = int(m.Value.Uint64())
		}
	case xt.EventLog:
		l := ev.Log()
		switch {
		case l.Category == Category && l.Message == Begin && !rd.begun:
			rd.begun, rd.root, rd.t0 = true, ev.Goroutine(), ev.Time()
		case l.Category == Category && l.Message == End && rd.begun && ev.Goroutine() == rd.root:
			return true
		case l.Category == GoCategory:
			if gs := rd.gs[ev.Goroutine()]; gs != nil {
				gs.g.Label = l.Message
			}
		}
	case xt.EventStateTransition:
		rd.transition(ev)
	case xt.EventRangeBegin, xt.EventRangeActive, xt.EventRangeEnd:
		if rd.begun {
			rd.gcRange(ev)
		}
	}
	return false
}

// transition handles a state transition of a goroutine or a processor.
func (rd *reader) transition(ev xt.Event) {
	st := ev.StateTransition()
	now := rd.off(ev.Time())
	switch st.Resource.Kind {
	case xt.ResourceProc:
		ps := rd.proc(st.Resource.Proc())
		_, to := st.Proc()
		ps.gone = to == xt.ProcNotExist
		if !to.Executing() {
			rd.procStop(ps, now)
		}
	case xt.ResourceGoroutine:
		if !rd.begun {
			return
		}
		id := st.Resource.Goroutine()
		from, to := st.Goroutine()
		if from == xt.GoNotExist && to == xt.GoRunnable {
			rd.created(ev, id, st, now)
		}
		if p := ev.Proc(); p != xt.NoProc && (from == xt.GoRunning || to == xt.GoRunning) {
			ps := rd.proc(p)
			if from == xt.GoRunning && ps.g == id || to == xt.GoRunning {
				rd.procStop(ps, now)
			}
			if to == xt.GoRunning {
				ps.g, ps.since = id, now
			}
		}
		if gs := rd.gs[id]; gs != nil {
			rd.goState(gs, to, st, now)
		} else if from == xt.GoRunning && to == xt.GoWaiting && !rd.gcWork[id] && rd.isGCWorker(st.Stack) {
			rd.gcWork[id] = true
		}
	}
}

// proc returns the state of processor id, making it on first sight.
func (rd *reader) proc(id xt.ProcID) *pstate {
	ps := rd.procs[id]
	if ps == nil {
		ps = &pstate{p: &Proc{ID: int64(id)}, g: xt.NoGoroutine}
		rd.procs[id] = ps
	}
	return ps
}

// procStop ends what processor ps was running.
func (rd *reader) procStop(ps *pstate, now time.Duration) {
	if ps.g != xt.NoGoroutine && rd.begun && now > ps.since {
		start := max(ps.since, 0)
		ps.p.Spans = append(ps.p.Spans, ProcSpan{Start: start, End: now, G: int64(ps.g)})
	}
	ps.g = xt.NoGoroutine
}

// created handles the creation of goroutine id: it is the cell's when the
// root created it to run the cell's code, or when one of the cell's did.
func (rd *reader) created(ev xt.Event, id xt.GoID, st xt.StateTransition, now time.Duration) {
	fn := startFunc(st.Stack)
	if strings.HasPrefix(fn, "runtime.") { // the runtime's own (GC workers...), whoever made them
		if fn == "runtime.gcBgMarkWorker" {
			rd.gcWork[id] = true
		}
		return
	}
	creator := ev.Goroutine()
	main := false
	switch {
	case creator == rd.root:
		if rd.opts.Main != nil && !rd.opts.Main(fn) {
			return
		}
		main = true
	case rd.gs[creator] == nil:
		return
	}
	g := &Goroutine{ID: int64(id), Main: main, Parent: int64(creator), Created: now}
	if !main {
		g.Label = shortFunc(fn)
	}
	gs := &gstate{g: g, state: Runnable, since: now}
	rd.gs[id] = gs
	rd.order = append(rd.order, gs)
}

// goState records the new state of one of the cell's goroutines.
func (rd *reader) goState(gs *gstate, to xt.GoState, st xt.StateTransition, now time.Duration) {
	var s State
	switch to {
	case xt.GoRunning:
		s = Running
	case xt.GoRunnable:
		s = Runnable
	case xt.GoSyscall:
		s = IO
	case xt.GoWaiting:
		s = rd.waitState(st)
	case xt.GoNotExist:
		rd.closeSpan(gs, now)
		gs.ended = true
		return
	default:
		s = Blocked
	}
	if s == gs.state {
		return
	}
	rd.closeSpan(gs, now)
	gs.state = s
}

// closeSpan ends the current span of gs at now and starts the next one.
func (rd *reader) closeSpan(gs *gstate, now time.Duration) {
	if gs.ended {
		return
	}
	if now > gs.since {
		spans := gs.g.Spans
		if n := len(spans); n > 0 && spans[n-1].State == gs.state && spans[n-1].End == gs.since {
			spans[n-1].End = now
		} else {
			gs.g.Spans = append(spans, Span{Start: gs.since, End: now, State: gs.state})
		}
	}
	gs.since = now
}

// waitState classifies a blocked goroutine by the reason the runtime gave.
func (rd *reader) waitState(st xt.StateTransition) State {
	switch r := st.Reason; {
	case strings.HasPrefix(r, "chan "):
		return Chan
	case r == "select":
		if rd.opts.Wait != nil {
			var stack []string
			for f := range st.Stack.Frames() {
				stack = append(stack, f.Func)
			}
			if s, ok := rd.opts.Wait(stack); ok {
				return s
			}
		}
		return Select
	case r == "sync" || strings.HasPrefix(r, "sync."):
		return Sync
	case r == "sleep":
		return Sleep
	case r == "network":
		return IO
	case r == "preempted": // parked by the scheduler, ready to go on
		return Runnable
	case strings.Contains(r, "GC"):
		return GC
	}
	return Blocked
}

// isGCWorker reports whether a stack is a garbage collector worker's.
func (rd *reader) isGCWorker(s xt.Stack) bool {
	if s == xt.NoStack {
		return false
	}
	gc, ok := rd.gcStack[s]
	if !ok {
		for f := range s.Frames() {
			if f.Func == "runtime.gcBgMarkWorker" {
				gc = true
				break
			}
		}
		rd.gcStack[s] = gc
	}
	return gc
}

// gcRange records the garbage collector's mark phases and its
// stop-the-world pauses.
func (rd *reader) gcRange(ev xt.Event) {
	name := ev.Range().Name
	now := rd.off(ev.Time())
	var at *time.Duration
	switch {
	case name == "GC concurrent mark phase":
		at = &rd.markAt
		if ev.Kind() == xt.EventRangeBegin {
			rd.out.GCCycles++
		}
	case strings.HasPrefix(name, "stop-the-world") && strings.Contains(name, "GC"):
		at = &rd.stwAt
	default:
		return
	}
	if ev.Kind() == xt.EventRangeEnd {
		if *at >= 0 {
			rd.out.GC = append(rd.out.GC, Interval{Start: *at, End: now})
		}
		*at = -1
	} else if *at < 0 {
		*at = max(now, 0)
	}
}

// finish ends everything still open at the end mark.
func (rd *reader) finish(end time.Duration) {
	out := rd.out
	out.Wall = end
	for _, gs := range rd.order {
		rd.closeSpan(gs, end)
		out.Goroutines = append(out.Goroutines, gs.g)
	}
	// Main goroutines first, each group in creation order.
	sort.SliceStable(out.Goroutines, func(i, j int) bool { return out.Goroutines[i].Main && !out.Goroutines[j].Main })
	for _, at := range []time.Duration{rd.markAt, rd.stwAt} {
		if at >= 0 {
			out.GC = append(out.GC, Interval{Start: at, End: end})
		}
	}
	out.GC = mergeIntervals(out.GC)
	for _, ps := range rd.procs {
		rd.procStop(ps, end)
		if ps.gone && len(ps.p.Spans) == 0 {
			continue
		}
		for i := range ps.p.Spans {
			s := &ps.p.Spans[i]
			switch g := xt.GoID(s.G); {
			case rd.gs[g] != nil:
			case rd.gcWork[g]:
				s.G = GCG
			default:
				s.G = OtherG
			}
		}
		out.Procs = append(out.Procs, ps.p)
	}
	sort.Slice(out.Procs, func(i, j int) bool { return out.Procs[i].ID < out.Procs[j].ID })
}

// mergeIntervals sorts intervals and merges the overlapping ones.
func mergeIntervals(in []Interval) []Interval {
	sort.Slice(in, func(i, j int) bool { return in[i].Start < in[j].Start })
	var out []Interval
	for _, iv := range in {
		if n := len(out); n > 0 && iv.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, iv.End)
			continue
		}
		out = append(out, iv)
	}
	return out
}

// startFunc returns the function a goroutine starts in, from the stack of
// its creation transition.
func startFunc(s xt.Stack) string {
	for f := range s.Frames() {
		return f.Func
	}
	return ""
}

// shortFunc shortens a function name for a label: "net/http.(*Server).Serve"
// becomes "http.(*Server).Serve".
func shortFunc(fn string) string {
	if i := strings.LastIndexByte(fn, '/'); i >= 0 {
		fn = fn[i+1:]
	}
	if fn == "" {
		return "goroutine"
	}
	return fn
}
