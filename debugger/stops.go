package debugger

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/goroutine"

	"github.com/traefik/yaegi/interp"
)

// The goroutines that stop, how they go on, and what they show.

// onEvent receives yaegi's debug events, on the goroutine they are about.
func (d *Debugger) onEvent(att *attachment, e *interp.DebugEvent) {
	switch e.Reason() {
	case interp.DebugTerminate:
		att.once.Do(func() { close(att.terminated) })
	case interp.DebugEnterGoRoutine, interp.DebugExitGoRoutine:
	default:
		d.stopHere(att, e)
	}
}

// stepReason maps a DAP stepping request to yaegi's.
var stepReason = map[string]interp.DebugEventReason{
	"next": interp.DebugStepOver, "stepIn": interp.DebugStepInto, "stepOut": interp.DebugStepOut,
}

// stopHere stops the calling goroutine where yaegi reports it, unless it
// is stepping and has not left its line (or is in generated code): then
// it steps on. It returns when the goroutine is to go on.
func (d *Debugger) stopHere(att *attachment, e *interp.DebugEvent) {
	id := goroutine.CurrentID()
	frames := e.Frames(0, e.FrameDepth())
	serial, line := 0, 0
	for _, f := range frames {
		if s, l := cellsrc.CellLine(f.Position().Line); s > 0 {
			serial, line = s, l
			break
		}
	}
	top := 0
	if len(frames) > 0 {
		top, _ = cellsrc.CellLine(frames[0].Position().Line)
	}
	reason := "breakpoint"
	d.mu.Lock()
	if d.att != att || d.interrupted[id] {
		d.mu.Unlock()
		go d.resume(att, e.GoRoutine(), "continue")
		return
	}
	switch e.Reason() {
	case interp.DebugBreak:
		delete(d.steps, id)
	case interp.DebugPause:
		reason = "pause"
		delete(d.steps, id)
	default:
		reason = "step"
		st := d.steps[id]
		if st == nil { // the next step of a cell runs on a goroutine of its own
			for oid, o := range d.steps {
				if o.orphan {
					st = o
					st.orphan = false
					delete(d.steps, oid)
					d.steps[id] = st
					break
				}
			}
		}
		if st == nil { // another goroutine of the routine that steps
			for _, o := range d.steps {
				st = &step{kind: o.kind}
			}
			kind := "continue"
			if st != nil {
				kind = st.kind
			}
			d.mu.Unlock()
			go d.resume(att, e.GoRoutine(), kind)
			return
		}
		kind := ""
		switch {
		case top == 0: // generated code: into the cell's statements it runs
			kind = "stepIn"
		case serial == st.serial && line == st.line && len(frames) == st.depth:
			kind = st.kind
		case st.kind == "next" && len(frames) > st.depth: // entered from generated code
			kind = "stepOut"
		}
		if kind != "" {
			d.mu.Unlock()
			go d.resume(att, e.GoRoutine(), kind)
			return
		}
		delete(d.steps, id)
	}
	st := &stop{id: id, g: e.GoRoutine(), frames: frames, action: make(chan string, 1), serial: serial, line: line}
	d.stops[id] = st
	_, known := d.threads[id]
	d.mu.Unlock()
	if !known {
		d.event("thread", map[string]any{"reason": "started", "threadId": id})
	}
	d.event("stopped", map[string]any{"reason": reason, "threadId": id, "allThreadsStopped": false,
		"preserveFocusHint": false, "description": fmt.Sprintf("goroutine %d stopped (%s)", id, reason)})
	// Sleeping, not blocked: the deadlock watchdog must not take a
	// goroutine stopped in the debugger for a stuck one.
	var action string
	for action == "" {
		select {
		case action = <-st.action:
		default:
			time.Sleep(5 * time.Millisecond)
		}
	}
	d.mu.Lock()
	d.forgetLocked(st)
	if _, ok := stepReason[action]; ok && d.att == att {
		d.steps[id] = &step{kind: action, serial: serial, line: line, depth: len(frames)}
	}
	d.mu.Unlock()
	d.event("continued", map[string]any{"threadId": id, "allThreadsContinued": false})
	go d.resume(att, st.g, action)
}

// forgetLocked forgets the stop st (its goroutine is let go) and its
// frames; the variables' references too when no goroutine is stopped.
func (d *Debugger) forgetLocked(st *stop) {
	if d.stops[st.id] == st {
		delete(d.stops, st.id)
	}
	for fid, fr := range d.frames {
		if fr.st == st {
			delete(d.frames, fid)
		}
	}
	if len(d.stops) == 0 {
		d.refs = map[int]*ref{}
	}
}

// resume lets yaegi's routine g go on with action; it waits until the
// goroutine is back in yaegi's debugger (yaegi refuses to step a running
// routine).
func (d *Debugger) resume(att *attachment, g int, action string) {
	reason, ok := stepReason[action]
	if !ok {
		_ = att.dbg.Continue(g)
		return
	}
	for i := 0; i < 20000; i++ {
		if err := att.dbg.Step(g, reason); err != interp.ErrRunning {
			return
		}
		time.Sleep(50 * time.Microsecond)
	}
	_ = att.dbg.Continue(g)
}

// resumeRequest answers continue, next, stepIn and stepOut. As the Debug
// Adapter Protocol says, continue resumes every stopped goroutine unless
// singleThread is set (JupyterLab 4.6 sends its continue with threadId 1
// once it has forgotten the stopped one); the steps move the one given.
func (d *Debugger) resumeRequest(raw json.RawMessage, action string) (any, error) {
	var a struct {
		ThreadID     *int64 `json:"threadId"`
		SingleThread bool   `json:"singleThread"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if a.ThreadID == nil {
		return nil, fail("%s needs a threadId", action)
	}
	if action == "continue" && !a.SingleThread {
		resumed := 0
		for _, st := range d.stops {
			select {
			case st.action <- action:
				resumed++
			default: // already resuming
			}
		}
		if resumed == 0 {
			return nil, fail("no goroutine is stopped")
		}
		return map[string]any{"allThreadsContinued": true}, nil
	}
	st := d.stops[*a.ThreadID]
	if st == nil {
		return nil, fail("goroutine %d is not stopped", *a.ThreadID)
	}
	select {
	case st.action <- action:
	default:
		return nil, fail("goroutine %d is already resuming", *a.ThreadID)
	}
	if action == "continue" {
		return map[string]any{"allThreadsContinued": false}, nil
	}
	return map[string]any{}, nil
}

func (d *Debugger) continueRequest(raw json.RawMessage) (any, error) {
	return d.resumeRequest(raw, "continue")
}
func (d *Debugger) next(raw json.RawMessage) (any, error)    { return d.resumeRequest(raw, "next") }
func (d *Debugger) stepIn(raw json.RawMessage) (any, error)  { return d.resumeRequest(raw, "stepIn") }
func (d *Debugger) stepOut(raw json.RawMessage) (any, error) { return d.resumeRequest(raw, "stepOut") }

// pause stops the goroutines of the cells at their next statement (yaegi
// pauses a routine, which all the cells' goroutines share).
func (d *Debugger) pause(raw json.RawMessage) (any, error) {
	d.mu.Lock()
	att := d.att
	d.mu.Unlock()
	if att == nil {
		return nil, fail("the debugger is not attached")
	}
	att.dbg.Interrupt(routine, interp.DebugPause)
	return map[string]any{}, nil
}

func (d *Debugger) threadsRequest(json.RawMessage) (any, error) {
	s := d.sess()
	seen := map[int64]string{}
	for _, r := range s.CellGoroutines() {
		name := "goroutine " + strconv.FormatInt(r.ID, 10)
		switch {
		case r.Started == "a running cell":
			name += " (the cell)"
		case r.Started != "":
			name += " (started at " + r.Started + ")"
		}
		seen[r.ID] = name
	}
	d.mu.Lock()
	for id := range d.stops {
		if _, ok := seen[id]; !ok {
			seen[id] = "goroutine " + strconv.FormatInt(id, 10)
		}
	}
	var started, exited []int64
	for id := range seen {
		if _, ok := d.threads[id]; !ok {
			started = append(started, id)
		}
	}
	for id := range d.threads {
		if _, ok := seen[id]; !ok {
			exited = append(exited, id)
		}
	}
	d.threads = seen
	d.mu.Unlock()
	for _, id := range exited {
		d.event("thread", map[string]any{"reason": "exited", "threadId": id})
	}
	for _, id := range started {
		d.event("thread", map[string]any{"reason": "started", "threadId": id})
	}
	ids := make([]int64, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	threads := []any{}
	for _, id := range ids {
		threads = append(threads, map[string]any{"id": id, "name": seen[id]})
	}
	return map[string]any{"threads": threads}, nil
}

func (d *Debugger) stackTrace(raw json.RawMessage) (any, error) {
	var a struct {
		ThreadID   int64 `json:"threadId"`
		StartFrame int   `json:"startFrame"`
		Levels     int   `json:"levels"`
	}
	if err := args(raw, &a); err != nil {
		return nil, err
	}
	d.mu.Lock()
	st := d.stops[a.ThreadID]
	d.mu.Unlock()
	if st == nil {
		return nil, fail("goroutine %d is not stopped", a.ThreadID)
	}
	s := d.sess()
	frames := []any{}
	for i, f := range st.frames {
		pos := f.Position()
		serial, line := cellsrc.CellLine(pos.Line)
		if serial == 0 {
			continue // generated code
		}
		count, src, _ := s.Cell(serial)
		name := f.Name()
		if name == "<anonymous>" || name == "<init>" {
			name = "func literal"
			if i == len(st.frames)-1 {
				name = compiler.InLabel(count)
			}
		}
		d.mu.Lock()
		d.nextID++
		fid := d.nextID
		d.frames[fid] = frameRef{st: st, index: i}
		d.mu.Unlock()
		frames = append(frames, map[string]any{"id": fid, "name": name, "line": line, "column": pos.Column,
			"source": map[string]any{"name": compiler.InLabel(count), "path": SourcePath(src)}})
	}
	total := len(frames)
	if a.StartFrame > 0 && a.StartFrame < len(frames) {
		frames = frames[a.StartFrame:]
	} else if a.StartFrame >= len(frames) && a.StartFrame > 0 {
		frames = []any{}
	}
	if a.Levels > 0 && a.Levels < len(frames) {
		frames = frames[:a.Levels]
	}
	return map[string]any{"stackFrames": frames, "totalFrames": total}, nil
}
