package interp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"gokernel/interp/proc"
)

// ServeProcChild runs a child process of package proc: it reads a
// proc.Setup and then proc.Tasks from in (fd 3), and writes one
// proc.Outcome for the setup and for each task to out (fd 4). The
// function's output goes to the child's stdout and stderr, which the
// parent streams into the cell.
func ServeProcChild(in io.Reader, out io.Writer) error {
	var s *Session
	session, err := NewSession(Options{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: strings.NewReader(""),
		Symbols: cellPackages(func() *Session { return s })})
	if err != nil {
		return err
	}
	s = session
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	enc := json.NewEncoder(out)
	if !sc.Scan() {
		return sc.Err()
	}
	var setup proc.Setup
	if err := json.Unmarshal(sc.Bytes(), &setup); err != nil {
		return enc.Encode(proc.Outcome{Error: "bad setup: " + err.Error()})
	}
	for _, cell := range setup.Cells {
		// A cell that failed in the notebook may fail here too: the
		// function it would have defined is then reported missing.
		_, _ = s.Execute(context.Background(), 0, cell)
	}
	if err := enc.Encode(proc.Outcome{}); err != nil {
		return err
	}
	for sc.Scan() {
		var t proc.Task
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return err
		}
		o := proc.Outcome{ID: t.ID}
		o.Results, err = callTask(s, &t)
		if err != nil {
			o.Error = err.Error()
		}
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	return sc.Err()
}

// callTask calls the task's function with its arguments, turning a panic
// into an error.
func callTask(s *Session, t *proc.Task) (results []json.RawMessage, err error) {
	fn, err := s.Func(t.Func)
	if err != nil {
		return nil, err
	}
	args, err := proc.DecodeArgs(fn.Type(), t.Args)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return proc.EncodeResults(fn.Call(args))
}
