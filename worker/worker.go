package worker

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/complete"
	"gokernel/debugger"
	"gokernel/display"
	"gokernel/exepages"
	"gokernel/magic"
	"gokernel/pipe"
	"gokernel/proc"
	"gokernel/session"
)

// server is the worker process's side of the pipe protocol: it reads
// requests, runs them on its session and writes events.
type server struct {
	session *session.Session
	magics  *magic.Runner

	evMu   sync.Mutex
	events io.Writer
	seq    int64 // last flush marker written

	runMu   sync.Mutex
	cancels map[int64]context.CancelFunc // of the running cells, by request (several with kernel subshells)

	input *inputReader
	debug *debugger.Debugger

	idleMu    sync.Mutex
	idleTimer *time.Timer // returns memory to the system once the worker is idle
}

// idleFree is how long the worker waits, idle, before returning freed
// memory to the system. The worker runs with a lazy GC (fast interpreted
// code); this keeps its resident size small between cells without costing
// the cells anything.
const idleFree = time.Second

// scheduleIdleFree (re)arms the idle timer after a request.
func (w *server) scheduleIdleFree() {
	w.idleMu.Lock()
	defer w.idleMu.Unlock()
	if w.idleTimer == nil {
		w.idleTimer = time.AfterFunc(idleFree, debug.FreeOSMemory)
		return
	}
	w.idleTimer.Reset(idleFree)
}

// settleDelay is how long after its start the worker drops the pages of
// its program again: past the first cells of a notebook run at once,
// which would fault them back in (about 0.3 ms a MB).
const settleDelay = 3 * time.Second

// settle returns what the start-up work in the background used once it is
// over (warmed closed): the garbage of the type checker's warm-up (export
// data read, 2 MB) to the system, and, settleDelay after start at the
// earliest, the pages of the program it touched (about 10 MB). It also
// writes a program file just built or installed to disk, so that Release
// can split its large folios (see package exepages).
func settle(warmed <-chan struct{}, start time.Time) {
	<-warmed
	debug.FreeOSMemory()
	exepages.WriteBack()
	time.Sleep(time.Until(start.Add(settleDelay)))
	exepages.Release()
}

// Serve runs a worker process: requests are read from in (fd 3), events
// written to out (fd 4), cell output goes to os.Stdout and os.Stderr. It
// returns when in is closed or a shutdown request arrives.
func Serve(in io.Reader, out io.Writer) error {
	// The pages the packages' initializers touched, most of them never
	// used again: dropped before session.New maps those it uses, so the
	// worker does not hold both at once (its peak at start, 26 -> 20 MB).
	exepages.Release()
	w := &server{events: out}
	w.input = &inputReader{w: w, replies: make(chan *pipe.Request, 1)}
	w.magics = &magic.Runner{Session: magicSession{w}, Stdout: os.Stdout, Stderr: os.Stderr,
		Display: func(b map[string]any) { display.Display(b) }}
	if err := w.resetSession(); err != nil {
		return err
	}
	w.debug = debugger.New(func() *session.Session { return w.session }, func(ev json.RawMessage) {
		w.emit(&pipe.Event{Kind: pipe.EvDebug, DAP: ev}, true)
	})
	exepages.Release()
	go settle(w.session.Warmed(), time.Now())
	w.emit(&pipe.Event{Kind: pipe.EvReady, Version: runtime.Version()}, false)

	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		req := new(pipe.Request)
		if err := json.Unmarshal(sc.Bytes(), req); err != nil {
			continue
		}
		switch req.Op {
		case pipe.OpExecute:
			go w.execute(req)
		case pipe.OpComplete, pipe.OpInspect, pipe.OpIsComplete:
			go w.query(req)
		case pipe.OpDebug:
			go func() {
				w.emit(&pipe.Event{ID: req.ID, Kind: pipe.EvReply, Status: "ok", DAP: w.debug.Handle(req.DAP)}, false)
			}()
		case pipe.OpInterrupt:
			w.interrupt()
		case pipe.OpInputReply:
			select {
			case w.input.replies <- req:
			default:
			}
		case pipe.OpShutdown:
			w.interrupt()
			return nil
		}
	}
	return nil
}

// resetSession replaces the session with a fresh interpreter.
func (w *server) resetSession() error {
	s, err := session.New(session.Options{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: w.input, Symbols: packageSymbols(w), Native: true})
	if err != nil {
		return err
	}
	w.session = s
	return nil
}

// KillChildren kills the worker's whole process group, the worker itself
// included: the last step of a worker that is done, so no process a cell
// started outlives it.
func KillChildren() {
	if syscall.Getpgrp() == os.Getpid() { // only in its own group, as the kernel starts it
		_ = syscall.Kill(0, syscall.SIGKILL)
	}
}

// emit writes an event. With flush, the stdout and stderr flush markers are
// written first, so the supervisor publishes earlier output before it.
func (w *server) emit(ev *pipe.Event, flush bool) {
	w.evMu.Lock()
	defer w.evMu.Unlock()
	if flush {
		w.seq++
		ev.Flush = w.seq
		m := pipe.Marker(w.seq)
		_, _ = os.Stdout.Write(m)
		_, _ = os.Stderr.Write(m)
	}
	b, err := pipe.Encode(ev)
	if err != nil {
		b, _ = pipe.Encode(&pipe.Event{ID: ev.ID, Kind: pipe.EvReply, Status: "error",
			Error: &pipe.Error{Name: "InternalError", Value: err.Error()}})
	}
	_, _ = w.events.Write(b)
}

// execute runs a cell and replies.
func (w *server) execute(req *pipe.Request) {
	ctx, cancel := context.WithCancel(context.Background())
	w.runMu.Lock()
	if w.cancels == nil {
		w.cancels = map[int64]context.CancelFunc{}
	}
	w.cancels[req.ID] = cancel
	w.input.allow = req.AllowStdin
	w.runMu.Unlock()
	defer cancel()

	reply := &pipe.Event{ID: req.ID, Kind: pipe.EvReply, Status: "ok"}
	result, err := w.magics.Run(ctx, req.Count, req.Code)
	if w.debug != nil && ctx.Err() != nil {
		// Interrupted: yaegi has ended the cell's run, the goroutines
		// stopped at breakpoints go on and end (see Debugger.Interrupt).
		w.debug.Interrupt()
	}
	w.runMu.Lock()
	delete(w.cancels, req.ID)
	last := len(w.cancels) == 0 // no other cell (of another shell) runs
	w.runMu.Unlock()
	if last { // with a cell of another shell still running, its processes may be that cell's
		if killed := proc.KillAll(); len(killed) > 0 {
			fmt.Fprintf(os.Stderr, "gokernel: stopped %d process(es) still running at the end of the cell: %s (Wait for a process in the cell that starts it)\n",
				len(killed), strings.Join(killed, ", "))
		}
	}
	if err != nil {
		reply.Status = "error"
		reply.Error = asProtocolError(err)
	} else {
		reply.Result = display.WithSVGImage(result) // a value's SVG() as an <img> too
	}
	if len(req.UserExpressions) > 0 {
		reply.UserExpressions = map[string]any{}
		for name, expr := range req.UserExpressions {
			data, err := w.session.Evaluate(ctx, expr)
			if err != nil {
				pe := asProtocolError(err)
				reply.UserExpressions[name] = map[string]any{"status": "error", "ename": pe.Name, "evalue": pe.Value, "traceback": pe.Traceback}
			} else {
				reply.UserExpressions[name] = map[string]any{"status": "ok", "data": data, "metadata": map[string]any{}}
			}
		}
	}
	w.emit(reply, true)
	w.scheduleIdleFree()
}

// asProtocolError converts any error into the protocol's error.
func asProtocolError(err error) *pipe.Error {
	var pe *pipe.Error
	if errors.As(err, &pe) {
		return pe
	}
	return &pipe.Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
}

// query answers complete, inspect and is_complete.
func (w *server) query(req *pipe.Request) {
	reply := &pipe.Event{ID: req.ID, Kind: pipe.EvReply, Status: "ok"}
	switch req.Op {
	case pipe.OpIsComplete:
		reply.Status, reply.Indent = cellsrc.IsComplete(req.Code)
	case pipe.OpComplete:
		reply.Matches, reply.CursorStart, reply.CursorEnd, reply.Metadata = complete.Complete(w.session, req.Code, req.Cursor)
	case pipe.OpInspect:
		reply.Data, reply.Found = complete.Inspect(w.session, req.Code, req.Cursor, req.DetailLevel)
	}
	w.emit(reply, false)
}

// interrupt cancels the running cell, if any, and kills the processes
// cells started.
func (w *server) interrupt() {
	w.runMu.Lock()
	defer w.runMu.Unlock()
	for _, cancel := range w.cancels {
		cancel()
	}
	if w.debug != nil && len(w.cancels) == 0 {
		// No cell runs: goroutines that earlier cells started, stopped at
		// breakpoints, go on (a running cell's end lets its own go, in execute).
		w.debug.Interrupt()
	}
	proc.KillAll()
	if n := killDescendants(); n > 0 {
		fmt.Fprintf(os.Stderr, "gokernel: the interrupt stopped %d process(es) started by cells\n", n)
	}
	select {
	case w.input.replies <- nil:
	default:
	}
}

// magicSession is the session as magics see it: %reset replaces it.
type magicSession struct{ w *server }

// Execute implements magic.Session.
func (m magicSession) Execute(ctx context.Context, count int, code string) (map[string]any, error) {
	return m.w.session.Execute(ctx, count, code)
}

// Names implements magic.Session.
func (m magicSession) Names() []compiler.Name { return m.w.session.Names() }

// Reset implements magic.Session.
func (m magicSession) Reset() error {
	m.w.debug.Detach() // the debugger is attached to the old session
	return m.w.resetSession()
}

// Goroutines implements magic.Session.
func (m magicSession) Goroutines() map[string]any { return m.w.session.Goroutines() }

// Native implements magic.Session.
func (m magicSession) Native(args string) (string, error) { return m.w.session.Native(args) }

// GoCommand implements magic.Session.
func (m magicSession) GoCommand(ctx context.Context, args string) (string, error) {
	return m.w.session.GoCommand(ctx, args)
}
