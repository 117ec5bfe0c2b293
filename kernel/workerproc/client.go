package workerproc

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"gokernel/fatal"
	"gokernel/kernel"
	"gokernel/pipe"
)

// How long the worker has to stop after an interrupt before it is killed
// and replaced, and how long to wait for output to drain.
const (
	interruptGrace = 3 * time.Second
	flushTimeout   = 5 * time.Second
	startTimeout   = 30 * time.Second
)

// ErrWorkerDied is returned when the worker process ended during a request.
var ErrWorkerDied = errors.New("worker process died")

// Client is the standard kernel.Worker: a child process running the
// interpreter (the gokernel-worker program next to gokernel),
// driven over the pipe protocol of package gokernel/pipe. When the child
// dies, the request that was running gets an error that quotes Go's fatal
// message, and a fresh child is started for the next request.
type Client struct {
	// Command is the worker command line (program and arguments).
	Command []string
	// Env is the worker's environment; nil means the kernel's.
	Env []string
	// Log receives diagnostics.
	Log *log.Logger
	// MemoryLimit is the most resident memory the worker may use, in
	// bytes; a worker above it is killed and replaced. 0: no limit.
	MemoryLimit int64

	out       atomic.Pointer[outputBox] // where output goes now (see Execute)
	runMu     sync.Mutex                // guards executing
	executing []*outputBox              // outputs of the executes in progress, in start order
	busy      atomic.Int32              // requests in progress, worker restarts included
	startMu   sync.Mutex                // serializes start and restart
	proc      atomic.Pointer[process]
	debugEvs  atomic.Pointer[func(json.RawMessage)] // receives the worker's DAP events
}

type outputBox struct{ kernel.Output }

// process is one running worker process.
type process struct {
	w      *Client
	cmd    *exec.Cmd
	reqMu  sync.Mutex
	req    *os.File
	stdout *streamPump
	stderr *streamPump
	tail   fatal.Tail // the last bytes of stderr, for fatal error messages
	dir    string     // the worker's own directory (pipe.WorkerDirEnv)

	nextID  atomic.Int64
	pending sync.Map // id -> chan *pipe.Event, the requests waiting for a reply
	ready   chan string
	exited  chan struct{}
	exitErr error
	killed  atomic.Value // string: why the supervisor killed it
}

// current returns the output that stream text goes to now.
func (w *Client) current() kernel.Output {
	if b := w.out.Load(); b != nil {
		return b.Output
	}
	return nil
}

// Start starts the worker process if it is not running.
func (w *Client) Start() error {
	_, err := w.running()
	return err
}

// running returns the live worker process, starting one if needed.
func (w *Client) running() (*process, error) {
	if p := w.proc.Load(); p != nil && !p.dead() {
		return p, nil
	}
	w.startMu.Lock()
	defer w.startMu.Unlock()
	if p := w.proc.Load(); p != nil && !p.dead() {
		return p, nil
	}
	p, err := w.spawn()
	if err != nil {
		return nil, err
	}
	w.proc.Store(p)
	return p, nil
}

// spawn starts a worker process and waits until it is ready.
func (w *Client) spawn() (*process, error) {
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		outR.Close()
		outW.Close()
		return nil, err
	}
	// The worker's own directory (pipe.WorkerDirEnv), removed below once
	// the worker and its children are gone.
	dir, err := makeWorkerDir()
	if err != nil {
		outR.Close()
		outW.Close()
		errR.Close()
		errW.Close()
		return nil, fmt.Errorf("start worker: %w", err)
	}
	env := w.Env
	if env == nil {
		env = os.Environ()
	}
	cmd := exec.Command(w.Command[0], w.Command[1:]...)
	cmd.Env = append(env[:len(env):len(env)], pipe.WorkerDirEnv+"="+dir)
	cmd.Stdout, cmd.Stderr = outW, errW
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	reqW, evR, err := pipe.Start(cmd)
	outW.Close()
	errW.Close()
	if err != nil {
		outR.Close()
		errR.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start worker: %w", err)
	}
	p := &process{w: w, cmd: cmd, dir: dir, req: reqW, ready: make(chan string, 1), exited: make(chan struct{})}
	p.stdout = newStreamPump("stdout", outR, w.current, nil)
	p.stderr = newStreamPump("stderr", errR, w.current, &p.tail)
	go p.readEvents(evR)
	go p.watchMemory(w.MemoryLimit)
	go func() {
		p.exitErr = cmd.Wait()
		close(p.exited)
		p.req.Close()
		// The output pipes end when every process holding them has: give
		// children a moment, then close them anyway.
		time.AfterFunc(2*time.Second, func() { outR.Close(); errR.Close(); os.RemoveAll(dir) })
		p.noticeIdleDeath()
	}()
	select {
	case <-p.ready:
		return p, nil
	case <-p.exited:
		p.stderr.waitEOF(time.Second)
		return nil, fmt.Errorf("worker exited at start (%v): %s", p.exitErr, strings.TrimSpace(p.tail.String()))
	case <-time.After(startTimeout):
		p.kill("start timeout")
		return nil, errors.New("worker did not start within 30 s")
	}
}

func (p *process) dead() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// noticeIdleDeath tells the user when the worker died while no request
// was running (a goroutine's fatal error, the memory limit): the next cell
// will run in a fresh worker.
func (p *process) noticeIdleDeath() {
	why, _ := p.killed.Load().(string)
	if why == "shutdown" || p.w.busy.Load() > 0 {
		return
	}
	if why == "" {
		why = fmt.Sprint(p.exitErr)
		if msg := p.tail.Message(); msg != "" {
			why = msg
		}
	}
	p.w.logf("worker died while idle: %s", why)
	if out := p.w.current(); out != nil {
		out.Stream("stderr", "gokernel: the Go worker process ended while no cell was running ("+why+
			"). The next cell runs in a fresh worker: all variables were reset.\n")
	}
}

// kill ends the worker's whole process group (the worker and every process
// its cells started).
func (p *process) kill(why string) {
	if p.cmd.Process == nil {
		return
	}
	p.killed.CompareAndSwap(nil, why)
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	_ = p.cmd.Process.Kill()
}

// send writes one request line.
func (p *process) send(r *pipe.Request) error {
	b, err := pipe.Encode(r)
	if err != nil {
		return err
	}
	p.reqMu.Lock()
	defer p.reqMu.Unlock()
	_, err = p.req.Write(b)
	return err
}

// readEvents reads the event pipe until it closes, routing each event.
func (p *process) readEvents(r io.ReadCloser) {
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		ev := new(pipe.Event)
		if err := json.Unmarshal(sc.Bytes(), ev); err != nil {
			p.w.logf("worker event: %v", err)
			continue
		}
		if ev.Flush > 0 {
			p.stdout.waitFor(ev.Flush, flushTimeout)
			p.stderr.waitFor(ev.Flush, flushTimeout)
		}
		p.route(ev)
		if ev.Flush > 0 {
			p.stdout.release(ev.Flush)
			p.stderr.release(ev.Flush)
		}
	}
	// The worker is gone (or closed its end): fail every waiting request.
	p.pending.Range(func(k, v any) bool {
		p.pending.Delete(k)
		close(v.(chan *pipe.Event))
		return true
	})
}

// route handles one event from the worker.
func (p *process) route(ev *pipe.Event) {
	switch ev.Kind {
	case pipe.EvReady:
		p.ready <- ev.Version
	case pipe.EvDisplay:
		if out := p.w.current(); out != nil {
			out.Display(ev)
		}
	case pipe.EvInput:
		go p.answerInput(ev)
	case pipe.EvDebug:
		if f := p.w.debugEvs.Load(); f != nil {
			(*f)(ev.DAP)
		}
	case pipe.EvReply:
		if ch, ok := p.pending.LoadAndDelete(ev.ID); ok {
			ch.(chan *pipe.Event) <- ev
		}
	default:
		p.w.logf("worker event of unknown kind %q", ev.Kind)
	}
}

// answerInput asks the frontend for input on behalf of the worker.
func (p *process) answerInput(ev *pipe.Event) {
	out := p.w.current()
	value, err := "", error(nil)
	if out == nil {
		err = errors.New("no request to read input for")
	} else {
		value, err = out.Input(ev.Prompt, ev.Password)
	}
	r := &pipe.Request{ID: ev.ID, Op: pipe.OpInputReply, Value: value}
	if err != nil {
		r.Code = err.Error() // an input error travels in Code
	}
	_ = p.send(r)
}

// call sends a request and waits for its reply. It returns ErrWorkerDied if
// the process ends first.
func (p *process) call(ctx context.Context, r *pipe.Request) (*pipe.Event, error) {
	r.ID = p.nextID.Add(1)
	ch := make(chan *pipe.Event, 1)
	p.pending.Store(r.ID, ch)
	if err := p.send(r); err != nil {
		p.pending.Delete(r.ID)
		return nil, ErrWorkerDied
	}
	select {
	case ev, ok := <-ch:
		if !ok {
			return nil, ErrWorkerDied
		}
		return ev, nil
	case <-ctx.Done():
		p.pending.Delete(r.ID)
		return nil, ctx.Err()
	}
}

// Execute implements kernel.Worker. Several executes may run at once (the
// main shell's and subshells'); the worker has one stdout and stderr, so
// what cells print, display or read goes to the execute that started last
// among those still running; when none runs, to the last one that ran.
func (w *Client) Execute(ctx context.Context, req kernel.ExecuteRequest, out kernel.Output) *pipe.Event {
	w.busy.Add(1)
	defer w.busy.Add(-1)
	box := &outputBox{out}
	w.runMu.Lock()
	w.executing = append(w.executing, box)
	w.out.Store(box)
	w.runMu.Unlock()
	defer func() {
		w.runMu.Lock()
		defer w.runMu.Unlock()
		for i, b := range w.executing {
			if b == box {
				w.executing = append(w.executing[:i], w.executing[i+1:]...)
				break
			}
		}
		if n := len(w.executing); n > 0 {
			w.out.Store(w.executing[n-1])
		}
	}()
	p, err := w.running()
	if err != nil {
		return pipe.ErrorReply("WorkerError", err.Error())
	}
	ev, err := p.call(ctx, &pipe.Request{
		Op: pipe.OpExecute, Code: req.Code, Count: req.Count, Silent: req.Silent,
		AllowStdin: req.AllowStdin, UserExpressions: req.UserExpressions,
	})
	if err == nil {
		return ev
	}
	return w.died(p)
}

// died reports the death of worker process p as an error event and starts
// a fresh worker.
func (w *Client) died(p *process) *pipe.Event {
	p.kill("") // the process group may still hold children
	select {
	case <-p.exited:
	case <-time.After(flushTimeout):
	}
	p.stdout.waitEOF(time.Second)
	p.stderr.waitEOF(time.Second)
	why, _ := p.killed.Load().(string)
	msg := p.tail.Message()
	var ev *pipe.Event
	switch {
	case why != "":
		ev = pipe.ErrorReply("WorkerRestarted", why)
	case msg != "":
		ev = pipe.ErrorReply("FatalError", msg)
	default:
		ev = pipe.ErrorReply("WorkerDied", fmt.Sprintf("the worker process ended (%v)", p.exitErr))
	}
	notice := "The Go worker process was replaced by a fresh one: all variables, functions and imports were reset. Re-run the cells you need."
	if _, err := w.running(); err != nil {
		notice = "The Go worker process could not be restarted: " + err.Error()
	}
	ev.Error.Traceback = append(ev.Error.Traceback, "", notice)
	w.logf("worker died: %s", ev.Error.Value)
	return ev
}

// request runs a non-execute request; if the worker dies, the caller gets
// an error reply and the worker is replaced.
func (w *Client) request(ctx context.Context, r *pipe.Request) *pipe.Event {
	w.busy.Add(1)
	defer w.busy.Add(-1)
	p, err := w.running()
	if err != nil {
		return pipe.ErrorReply("WorkerError", err.Error())
	}
	ev, err := p.call(ctx, r)
	if err != nil {
		if errors.Is(err, ErrWorkerDied) {
			return w.died(p)
		}
		return pipe.ErrorReply("WorkerError", err.Error())
	}
	return ev
}

// Complete implements kernel.Worker.
func (w *Client) Complete(ctx context.Context, code string, cursor int) *pipe.Event {
	return w.request(ctx, &pipe.Request{Op: pipe.OpComplete, Code: code, Cursor: cursor})
}

// Inspect implements kernel.Worker.
func (w *Client) Inspect(ctx context.Context, code string, cursor, detail int) *pipe.Event {
	return w.request(ctx, &pipe.Request{Op: pipe.OpInspect, Code: code, Cursor: cursor, DetailLevel: detail})
}

// IsComplete implements kernel.Worker.
func (w *Client) IsComplete(ctx context.Context, code string) *pipe.Event {
	return w.request(ctx, &pipe.Request{Op: pipe.OpIsComplete, Code: code})
}

// Debug implements kernel.DebugWorker: the worker's debugger answers the
// DAP request.
func (w *Client) Debug(ctx context.Context, request json.RawMessage) *pipe.Event {
	return w.request(ctx, &pipe.Request{Op: pipe.OpDebug, DAP: request})
}

// SetDebugEvents implements kernel.DebugWorker.
func (w *Client) SetDebugEvents(f func(json.RawMessage)) { w.debugEvs.Store(&f) }

// Interrupt implements kernel.Worker. If the cell has not stopped interruptGrace
// after the interrupt, the worker is killed and replaced.
func (w *Client) Interrupt() {
	p := w.proc.Load()
	if p == nil || p.dead() {
		return
	}
	_ = p.send(&pipe.Request{Op: pipe.OpInterrupt})
	var ids []any // the requests in progress: every running cell is interrupted
	p.pending.Range(func(id, _ any) bool { ids = append(ids, id); return true })
	if len(ids) == 0 {
		return
	}
	time.AfterFunc(interruptGrace, func() {
		for _, id := range ids {
			if _, running := p.pending.Load(id); running && !p.dead() {
				p.kill(fmt.Sprintf("the cell was still running %v after the interrupt, so the worker was stopped", interruptGrace))
				return
			}
		}
	})
}

// Restart implements kernel.Worker.
func (w *Client) Restart() error {
	if p := w.proc.Load(); p != nil {
		p.stop()
	}
	_, err := w.running()
	return err
}

// Shutdown implements kernel.Worker.
func (w *Client) Shutdown() {
	if p := w.proc.Load(); p != nil {
		p.stop()
	}
}

// stop asks the worker to exit and kills its process group after a short wait.
func (p *process) stop() {
	p.killed.CompareAndSwap(nil, "shutdown")
	_ = p.send(&pipe.Request{Op: pipe.OpShutdown})
	select {
	case <-p.exited:
	case <-time.After(500 * time.Millisecond):
	}
	p.kill("shutdown")
	<-p.exited
	os.RemoveAll(p.dir) // the process group is gone: nothing uses it now
}

func (w *Client) logf(format string, args ...any) {
	if w.Log != nil {
		w.Log.Printf(format, args...)
	}
}
