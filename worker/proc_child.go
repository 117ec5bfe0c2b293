package worker

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"gokernel/cellsrc"
	"gokernel/native"
	"gokernel/proc"
	"gokernel/session"
)

// ServeProcChild runs a child process of package proc: it reads a
// proc.Setup and then proc.Tasks from in (fd 3), and writes one
// proc.Outcome for the setup and for each task to out (fd 4). The
// function's output goes to the child's stdout and stderr, which the
// parent streams into the cell.
func ServeProcChild(in io.Reader, out io.Writer) error {
	var s *session.Session
	session, err := session.New(session.Options{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: strings.NewReader(""), NoTypeCheck: true,
		Symbols: cellPackages(func() *session.Session { return s })})
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
	var loadErrs []string
	for _, cell := range setup.Cells {
		loadErrs = append(loadErrs, loadDeclarations(s, cell)...)
	}
	// The notebook's compiled functions: the same plugins, so the child
	// runs them at the notebook's speed. One that does not install stays
	// interpreted (same results, slower).
	for _, raw := range setup.Plugins {
		var r native.Replay
		if json.Unmarshal(raw, &r) == nil {
			native.Reinstall(s, r)
		}
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
			if len(loadErrs) > 0 {
				o.Error += " (loading the notebook's declarations into the process failed: " + strings.Join(loadErrs, "; ") +
					"; a declaration that uses a variable set by a statement, like x := 1, needs var x = 1 instead)"
			}
		}
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	return sc.Err()
}

// loadDeclarations runs the declarations of one notebook cell in the child.
// If they fail together (one refers to a statement's variable, which the
// child does not have), each is tried on its own, twice (for declarations
// that refer to later ones), so the others still load. It returns the
// errors of the declarations that could not be loaded.
func loadDeclarations(s *session.Session, cell string) []string {
	ctx := context.Background()
	if _, err := s.Execute(ctx, 0, cell); err == nil {
		return nil
	}
	pending := cellsrc.DeclarationItems(cell)
	var errs []string
	for pass := 0; pass < 2 && len(pending) > 0; pass++ {
		var again []string
		errs = errs[:0]
		for _, d := range pending {
			if _, err := s.Execute(ctx, 0, d); err != nil {
				again = append(again, d)
				errs = append(errs, asProtocolError(err).Value)
			}
		}
		pending = again
	}
	return errs
}

// callTask calls the task's function with its arguments, turning a panic
// into an error.
func callTask(s *session.Session, t *proc.Task) (results []json.RawMessage, err error) {
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
