package debugger

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"gokernel/cellsrc"
	"gokernel/session"

	"github.com/traefik/yaegi/interp"
)

// yaegi's debugger exists only while the program given to Interpreter.Debug
// runs, and only then do the cells' functions stop at breakpoints. Attached,
// the debugger runs a program that waits (holdSrc) until it is detached, so
// every cell runs under yaegi's debugger; the session hands it each
// program it compiles (Session.SetDebugHook), and the breakpoints, set by
// line (cell serial * cellsrc.LineStride + line, the positions the cell
// compiler gives yaegi), are put on them before they run.

// holdSrc is the program that keeps yaegi's debugger alive while attached.
const holdSrc = ";func() { <-__gkDebugHold }()"

// routine is yaegi's id of the debugger's first goroutine: yaegi gives
// every goroutine that the cells start (they start them through
// cellrt.Go, not a go statement) the routine of the code that made their
// function, ultimately this one.
const routine = 1

// attachment is the state of an attached debugger.
type attachment struct {
	s          *session.Session
	dbg        *interp.Debugger
	terminated chan struct{}
	once       sync.Once
	nativeOff  bool     // the debugger turned the native tier off
	funcs      []string // function breakpoints
}

// stop is a goroutine stopped by the debugger.
type stop struct {
	id     int64 // the goroutine's id, the DAP threadId
	g      int   // yaegi's routine
	frames []*interp.DebugFrame
	action chan string // "continue", "next", "stepIn", "stepOut"
	serial int
	line   int
}

// step is a goroutine stepping from a line.
type step struct {
	kind         string
	serial, line int
	depth        int
	// orphan: the session compiled a program since, which runs the
	// cell's next step on a new goroutine (yaegi runs each on its own).
	orphan bool
}

// frameRef is a DAP frame id's frame.
type frameRef struct {
	st    *stop
	index int
}

func (d *Debugger) attach(json.RawMessage) (any, error) {
	d.mu.Lock()
	if d.att != nil {
		d.mu.Unlock()
		return map[string]any{}, nil
	}
	d.mu.Unlock()
	s := d.sess()
	yi := s.Interpreter()
	if _, ok := yi.Globals()["__gkDebugHold"]; !ok {
		if _, err := yi.Eval("package main\nvar __gkDebugHold chan struct{}"); err != nil {
			return nil, fail("attach: %v", err)
		}
	}
	if _, err := yi.Eval("__gkDebugHold = make(chan struct{})"); err != nil {
		return nil, fail("attach: %v", err)
	}
	prog, err := yi.Compile(holdSrc)
	if err != nil {
		return nil, fail("attach: %v", err)
	}
	att := &attachment{s: s, terminated: make(chan struct{})}
	att.dbg = yi.Debug(context.Background(), prog, func(e *interp.DebugEvent) { d.onEvent(att, e) },
		&interp.DebugOptions{GoRoutineStartAt1: true})
	if err := att.dbg.Continue(routine); err != nil {
		return nil, fail("attach: %v", err)
	}
	d.mu.Lock()
	d.att = att
	d.progs = nil
	d.mu.Unlock()
	s.SetDebugHook(d.hook)
	// Compiled functions do not stop at breakpoints: the native tier is
	// off while the debugger is attached.
	done := make(chan struct{})
	go func() {
		defer close(done)
		if st, _ := s.Native(""); strings.HasPrefix(st, "Native tier: on") {
			if _, err := s.Native("off"); err == nil {
				att.nativeOff = true
			}
		}
		// The functions of earlier cells are compiled again, under the
		// hook, for their breakpoints (yaegi's walk of all its code fails
		// on some of it).
		var funcs []string
		for _, n := range s.Names() {
			if n.Kind == "func" {
				funcs = append(funcs, n.Name)
			}
		}
		if len(funcs) > 0 {
			if err := s.Reinterpret(funcs); err != nil {
				fmt.Fprintf(os.Stderr, "gokernel: the debugger could not recompile the functions of earlier cells: %v\n", err)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
	}
	d.mu.Lock()
	d.applyLocked(nil, true)
	d.mu.Unlock()
	d.event("initialized", map[string]any{})
	return map[string]any{}, nil
}

// disconnect detaches the debugger: the stopped goroutines continue, the
// breakpoints are cleared, yaegi's debugger ends.
func (d *Debugger) disconnect(json.RawMessage) (any, error) {
	d.Detach()
	return map[string]any{}, nil
}

// Detach detaches the debugger, if attached (disconnect, %reset).
func (d *Debugger) Detach() {
	d.mu.Lock()
	att := d.att
	if att == nil {
		d.mu.Unlock()
		return
	}
	d.bps = map[string][]int{}
	att.funcs = nil
	d.applyLocked(nil, true)
	d.att = nil
	d.progs = nil
	d.steps = map[int64]*step{}
	d.releaseLocked("continue")
	d.mu.Unlock()
	att.s.SetDebugHook(nil)
	if _, err := att.s.Interpreter().Eval("close(__gkDebugHold)"); err == nil {
		select {
		case <-att.terminated:
			time.Sleep(10 * time.Millisecond) // yaegi forgets its debugger just after its last event
		case <-time.After(2 * time.Second):
		}
	}
	if att.nativeOff {
		go func() { _, _ = att.s.Native("on") }()
	}
}

// Interrupt lets every stopped goroutine go on, so that an interrupted
// cell ends. The worker calls it once the interrupted cell's run has
// returned: yaegi ends a cancelled run on a goroutine of its own, a moment
// after the cancel, and a goroutine let go before that would run on to
// the next breakpoint (the next iteration of a loop) and stay stopped
// there; let go after it, the goroutine ends at its next statement. Under
// load that statement may still be the breakpoint: a goroutine let go
// here does not stop again.
func (d *Debugger) Interrupt() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.steps = map[int64]*step{}
	for id := range d.stops {
		d.interrupted[id] = true
	}
	d.releaseLocked("continue")
}

// releaseLocked resumes every stopped goroutine with action; they are no
// longer listed as stopped from then on (a goroutine may take a while to
// wake on a loaded machine).
func (d *Debugger) releaseLocked(action string) {
	for _, st := range d.stops {
		select {
		case st.action <- action:
			d.forgetLocked(st)
		default:
		}
	}
}

// hook receives the programs the session compiles while attached.
func (d *Debugger) hook(p *interp.Program) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.att == nil {
		return
	}
	if len(d.progs) >= 4096 {
		d.progs = d.progs[1:]
	}
	d.progs = append(d.progs, p)
	for _, st := range d.steps {
		st.orphan = true
	}
	if len(d.bps) > 0 || len(d.att.funcs) > 0 {
		d.applyLocked([]*interp.Program{p}, false)
	}
}

// applyLocked puts the breakpoints on the code yaegi compiled: with all,
// on every program (the first statement yaegi finds on each line) and then
// on each program compiled while attached (so the newest definition of a
// function has them too); else on progs only.
func (d *Debugger) applyLocked(progs []*interp.Program, all bool) {
	if d.att == nil {
		return
	}
	type at struct {
		path string
		line int
	}
	reqs := []interp.BreakpointRequest{interp.LineBreakpoint(-1), interp.FunctionBreakpoint(" ")} // clear stale ones
	var where []at
	for serial := 1; ; serial++ {
		_, src, ok := d.att.s.Cell(serial)
		if !ok {
			break
		}
		path := SourcePath(src)
		for _, l := range d.bps[path] {
			reqs = append(reqs, interp.LineBreakpoint(serial*cellsrc.LineStride+l))
			where = append(where, at{path, l})
		}
	}
	for _, f := range d.att.funcs {
		reqs = append(reqs, interp.FunctionBreakpoint(f))
	}
	if all {
		res := setBreakpoints(d.att.dbg, interp.AllBreakpointTarget(), reqs)
		for i, w := range where {
			if res != nil && res[i+2].Valid {
				if d.verified[w.path] == nil {
					d.verified[w.path] = map[int]bool{}
				}
				d.verified[w.path][w.line] = true
			}
		}
		progs = d.progs
	}
	for _, p := range progs {
		if res := setBreakpoints(d.att.dbg, interp.ProgramBreakpointTarget(p), reqs); res != nil {
			for i, w := range where {
				if res[i+2].Valid {
					if d.verified[w.path] == nil {
						d.verified[w.path] = map[int]bool{}
					}
					d.verified[w.path][w.line] = true
				}
			}
		}
	}
}

// setBreakpoints is yaegi's SetBreakpoints, which panics on some code that
// was compiled and never run (nil on a panic: the breakpoints of the
// programs walked before it are set).
func setBreakpoints(dbg *interp.Debugger, target interp.BreakpointTarget, reqs []interp.BreakpointRequest) (res []interp.Breakpoint) {
	defer func() {
		if r := recover(); r != nil {
			res = nil
		}
	}()
	return dbg.SetBreakpoints(target, reqs...)
}

func (d *Debugger) setBreakpoints(raw json.RawMessage) (any, error) {
	var a struct {
		Source struct {
			Path string `json:"path"`
		} `json:"source"`
		Breakpoints []struct {
			Line int `json:"line"`
		} `json:"breakpoints"`
		Lines []int `json:"lines"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	if a.Source.Path == "" {
		return nil, fail("setBreakpoints needs source.path")
	}
	var lines []int
	for _, b := range a.Breakpoints {
		lines = append(lines, b.Line)
	}
	if len(a.Breakpoints) == 0 {
		lines = append(lines, a.Lines...)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(lines) == 0 {
		delete(d.bps, a.Source.Path)
	} else {
		d.bps[a.Source.Path] = lines
	}
	d.applyLocked(nil, true)
	src, known := d.sources[a.Source.Path]
	srcLines := strings.Split(src, "\n")
	out := []any{}
	for i, l := range lines {
		ok := d.verified[a.Source.Path][l] ||
			known && l >= 1 && l <= len(srcLines) && strings.TrimSpace(srcLines[l-1]) != "" && !strings.HasPrefix(strings.TrimSpace(srcLines[l-1]), "//")
		out = append(out, map[string]any{"id": i + 1, "verified": ok, "line": l, "source": map[string]any{"path": a.Source.Path}})
	}
	return map[string]any{"breakpoints": out}, nil
}

func (d *Debugger) setFunctionBreakpoints(raw json.RawMessage) (any, error) {
	var a struct {
		Breakpoints []struct {
			Name string `json:"name"`
		} `json:"breakpoints"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.att == nil {
		return nil, fail("the debugger is not attached")
	}
	d.att.funcs = nil
	out := []any{}
	for _, b := range a.Breakpoints {
		d.att.funcs = append(d.att.funcs, b.Name)
		out = append(out, map[string]any{"verified": true})
	}
	d.applyLocked(nil, true)
	return map[string]any{"breakpoints": out}, nil
}
