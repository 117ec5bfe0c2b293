package session

import (
	"context"
	"reflect"
	"sync"
	"time"

	"gokernel/compiler"

	"github.com/traefik/yaegi/interp"
)

// The methods of this file let completion and inspection (package
// complete) read the session while a cell may be running.

// Decls returns the declarations of the cells run, in definition order,
// and true; nil and false while a cell runs (the registry changes then).
func (s *Session) Decls() ([]compiler.Decl, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil, false
	}
	var ds []compiler.Decl
	for _, n := range s.reg.order {
		if d := s.reg.decls[n]; d != nil {
			ds = append(ds, *d)
		}
	}
	return ds, true
}

// valueMu serializes the evaluations of Value, which completion and
// inspection call concurrently: the interpreter evaluates one thing at a
// time.
var valueMu sync.Mutex

// Value returns the current value of the global name, when no cell runs.
// Only the name is evaluated: no code of the cells runs.
func (s *Session) Value(name string) (reflect.Value, bool) {
	valueMu.Lock()
	defer valueMu.Unlock()
	s.mu.Lock()
	busy := s.cancel != nil
	s.mu.Unlock()
	if busy {
		return reflect.Value{}, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	v, err := s.eval(ctx, name)
	return v, err == nil && v.IsValid()
}

// Packages returns the gokernel packages cells can import (Options.Symbols)
// and the packages of modules the cells imported.
func (s *Session) Packages() map[string]map[string]reflect.Value {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.modSyms) == 0 {
		return s.opts.Symbols
	}
	all := make(map[string]map[string]reflect.Value, len(s.opts.Symbols)+len(s.modSyms))
	for _, m := range []map[string]map[string]reflect.Value{s.opts.Symbols, s.modSyms} {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}

// Interpreter returns the session's interpreter, for the debugger
// (package debugger).
func (s *Session) Interpreter() *interp.Interpreter { return s.yi }

// SetDebugHook sets (nil: removes) the function that receives every
// program the session compiles, before it runs: while one is set, programs
// are not cached (each keeps its cell's positions), so the debugger can set
// breakpoints in them.
func (s *Session) SetDebugHook(hook func(*interp.Program)) {
	if hook == nil {
		s.debugHook.Store(nil)
		return
	}
	s.debugHook.Store(&hook)
}

// evalDebug evaluates src as eval does, compiled first and passed to hook.
func (s *Session) evalDebug(ctx context.Context, src string, hook func(*interp.Program)) (reflect.Value, error) {
	prog, err := s.yi.Compile(src)
	if err != nil {
		return reflect.Value{}, err
	}
	hook(prog)
	return s.yi.ExecuteWithContext(ctx, prog)
}

// Cell returns the execution count and source of the cell with the given
// serial (the serial of the line numbers yaegi sees: cellsrc.CellLine).
func (s *Session) Cell(serial int) (count int, src string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cells[serial]
	if c == nil {
		return 0, "", false
	}
	return c.count, c.src, true
}
