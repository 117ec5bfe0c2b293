package session

import (
	"context"
	"reflect"
	"sync"
	"time"

	"gokernel/compiler"
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
