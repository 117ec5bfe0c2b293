package proc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"gokernel/pipe"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"syscall"
)

// Process is a notebook function running in a child process.
type Process struct {
	// Func is the name of the function, PID the child's process ID.
	Func string
	PID  int

	c       *child
	done    chan struct{}
	results []any
	err     error
}

// Start runs fn(args...) in a new process and returns at once, like
// multiprocessing.Process(target=fn, args=args).start(). fn names a
// function defined in the notebook.
func Start(fn string, args ...any) (*Process, error) {
	ftype, err := funcType(fn)
	if err != nil {
		return nil, err
	}
	raw, err := EncodeArgs(args)
	if err != nil {
		return nil, err
	}
	c, err := spawn(fn)
	if err != nil {
		return nil, err
	}
	p := &Process{Func: fn, PID: c.pid(), c: c, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		res, err := c.call(fn, raw)
		if err == nil {
			p.results, err = decodeResults(ftype, res)
		}
		p.err = err
		c.close()
	}()
	return p, nil
}

// Wait waits for the function to return and the process to exit, like
// join(). It returns the function's error (its last result, if that is an
// error), a panic in the child, or how the process died.
func (p *Process) Wait() error {
	<-p.done
	<-p.c.exited
	if p.err != nil {
		return p.err
	}
	if n := len(p.results); n > 0 {
		if err, ok := p.results[n-1].(error); ok && err != nil {
			return err
		}
	}
	return nil
}

// Results returns what the function returned (after Wait).
func (p *Process) Results() []any {
	<-p.done
	return p.results
}

// ExitCode returns the process's exit code after Wait (-1 if killed).
func (p *Process) ExitCode() int {
	<-p.c.exited
	return p.c.cmd.ProcessState.ExitCode()
}

// Kill stops the process at once.
func (p *Process) Kill() { p.c.kill() }

// String describes the process, e.g. "task (pid 4242)".
func (p *Process) String() string { return fmt.Sprintf("%s (pid %d)", p.Func, p.PID) }

// Call runs fn(args...) in a new process, waits, and returns its results.
func Call(fn string, args ...any) ([]any, error) {
	p, err := Start(fn, args...)
	if err != nil {
		return nil, err
	}
	err = p.Wait()
	return p.results, err
}

// funcType looks fn up in the notebook.
func funcType(fn string) (reflect.Type, error) {
	c, err := config()
	if err != nil {
		return nil, err
	}
	t, err := c.FuncType(fn)
	if err != nil {
		return nil, fmt.Errorf("proc: %q is not a function defined in the notebook: %v", fn, err)
	}
	if t.Kind() != reflect.Func {
		return nil, fmt.Errorf("proc: %q is a %s, not a function", fn, t)
	}
	return t, nil
}

// child is one child process and its pipes.
type child struct {
	label  string
	cmd    *exec.Cmd
	tasks  io.WriteCloser
	out    *bufio.Scanner
	exited chan struct{}
	mu     sync.Mutex
	nextID int
}

var (
	liveMu sync.Mutex
	live   = map[*child]bool{}
)

// spawn starts a child process labelled label and loads the notebook into it.
func spawn(label string) (*child, error) {
	cf, err := config()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(cf.Command[0], cf.Command[1:]...)
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	taskW, outR, err := pipe.Start(cmd)
	if err != nil {
		return nil, fmt.Errorf("proc: cannot start a process: %v", err)
	}
	c := &child{label: label, cmd: cmd, tasks: taskW, exited: make(chan struct{})}
	c.out = bufio.NewScanner(outR)
	c.out.Buffer(make([]byte, 64<<10), 256<<20)
	liveMu.Lock()
	live[c] = true
	liveMu.Unlock()

	prefix := fmt.Sprintf("[%s pid %d] ", label, cmd.Process.Pid)
	var relays sync.WaitGroup
	relays.Add(2)
	go relay(&relays, stdout, os.Stdout, prefix)
	go relay(&relays, stderr, os.Stderr, prefix)
	go func() {
		relays.Wait()
		_ = cmd.Wait()
		liveMu.Lock()
		delete(live, c)
		liveMu.Unlock()
		close(c.exited)
	}()

	st := Setup{Cells: cf.Declarations()}
	if cf.Plugins != nil {
		st.Plugins = cf.Plugins()
	}
	setup, _ := json.Marshal(st)
	if _, err := c.tasks.Write(append(setup, '\n')); err != nil {
		c.kill()
		return nil, fmt.Errorf("proc: the process ended at start: %v", err)
	}
	if o, err := c.read(); err != nil {
		c.kill()
		return nil, err
	} else if o.Error != "" {
		c.kill()
		return nil, fmt.Errorf("proc: loading the notebook into the process failed: %s", o.Error)
	}
	return c, nil
}

// relay copies a child's output line by line, each line prefixed.
func relay(wg *sync.WaitGroup, r io.Reader, w io.Writer, prefix string) {
	defer wg.Done()
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var b bytes.Buffer
			b.WriteString(prefix)
			b.Write(line)
			if line[len(line)-1] != '\n' {
				b.WriteByte('\n')
			}
			_, _ = w.Write(b.Bytes())
		}
		if err != nil {
			return
		}
	}
}

func (c *child) pid() int { return c.cmd.Process.Pid }

// read reads the next outcome; a closed pipe means the process died.
func (c *child) read() (*Outcome, error) {
	if !c.out.Scan() {
		<-c.exited
		return nil, fmt.Errorf("proc: process %s (pid %d) died: %s", c.label, c.pid(), c.cmd.ProcessState)
	}
	o := new(Outcome)
	if err := json.Unmarshal(c.out.Bytes(), o); err != nil {
		return nil, fmt.Errorf("proc: bad answer from the process: %v", err)
	}
	return o, nil
}

// call runs one function call in the child.
func (c *child) call(fn string, args []json.RawMessage) ([]json.RawMessage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	b, _ := json.Marshal(Task{ID: c.nextID, Func: fn, Args: args})
	if _, err := c.tasks.Write(append(b, '\n')); err != nil {
		return nil, fmt.Errorf("proc: process %s (pid %d) is gone", c.label, c.pid())
	}
	o, err := c.read()
	if err != nil {
		return nil, err
	}
	if o.Error != "" {
		return nil, fmt.Errorf("%s (pid %d): %s", fn, c.pid(), o.Error)
	}
	return o.Results, nil
}

// close lets the child exit after its last task.
func (c *child) close() { c.tasks.Close() }

// kill ends the child at once.
func (c *child) kill() {
	if c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
	}
	c.tasks.Close()
}

// KillAll kills every child process still running and returns their
// descriptions. The worker calls it when a cell ends or is interrupted.
func KillAll() []string {
	liveMu.Lock()
	var killed []string
	var cs []*child
	for c := range live {
		cs = append(cs, c)
		killed = append(killed, fmt.Sprintf("%s (pid %d)", c.label, c.pid()))
	}
	liveMu.Unlock()
	for _, c := range cs {
		c.kill()
		<-c.exited
	}
	return killed
}

// errNoInputs is returned by Map for inputs that are not a slice or array.
var errNoInputs = errors.New("proc: Map needs a slice or array of inputs")

// joinErrors is errors.Join with one error per line.
func joinErrors(errs []error) error {
	var msgs []string
	for _, e := range errs {
		if e != nil {
			msgs = append(msgs, e.Error())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "\n"))
}
