package interp

import (
	"context"
	"fmt"
	"io"
	"os"
	"reflect"

	"gokernel/interp/protocol"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/unrestricted"
)

// Options configures a Session.
type Options struct {
	// Stdout and Stderr receive the cells' output. They must be *os.File
	// (pipes) so that os.Stdout, os.Stderr and child processes follow them.
	Stdout, Stderr *os.File
	// Stdin is what fmt.Scan and friends read.
	Stdin io.Reader
	// Symbols are extra packages cells can import, keyed as yaegi expects
	// ("gokernel/display/display").
	Symbols map[string]map[string]reflect.Value
}

// Session is the interpreter state of one worker: every cell runs in it.
type Session struct {
	opts Options
	yi   *interp.Interpreter
}

// NewSession returns a Session with the standard library and opts.Symbols loaded.
func NewSession(opts Options) (*Session, error) {
	s := &Session{opts: opts}
	s.yi = interp.New(interp.Options{
		Stdin:        opts.Stdin,
		Stdout:       opts.Stdout,
		Stderr:       opts.Stderr,
		Unrestricted: true,
		Env:          os.Environ(),
	})
	for _, syms := range []interp.Exports{stdlib.Symbols, unrestricted.Symbols, interp.Exports(opts.Symbols)} {
		if err := s.yi.Use(syms); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Execute runs one cell; count is its execution count (In [count]). It
// returns the MIME bundle of the cell's value (nil when there is none) or a
// *protocol.Error.
func (s *Session) Execute(ctx context.Context, count int, code string) (map[string]any, error) {
	v, err := s.yi.EvalWithContext(ctx, code)
	if err != nil {
		return nil, &protocol.Error{Name: "Error", Value: err.Error(), Traceback: []string{err.Error()}}
	}
	if !v.IsValid() {
		return nil, nil
	}
	return map[string]any{"text/plain": fmt.Sprint(v.Interface())}, nil
}

// IsComplete reports whether code is complete ("complete", "incomplete"
// with an indent, or "invalid").
func (s *Session) IsComplete(code string) (status, indent string) {
	return "complete", ""
}

// Evaluate evaluates one expression (user_expressions) and returns its MIME bundle.
func (s *Session) Evaluate(ctx context.Context, expr string) (map[string]any, error) {
	return s.Execute(ctx, 0, expr)
}
