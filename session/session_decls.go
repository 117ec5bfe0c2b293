package session

import (
	"context"
	"fmt"
	"gokernel/autoimport"
	"gokernel/cellsrc"
	"reflect"
)

// autoImport imports the standard packages code uses without importing
// them (like goimports), so `fmt.Println` works in a first cell.
func (s *Session) autoImport(ctx context.Context, code string) error {
	missing := autoimport.MissingImports(code, func(name string) bool { return s.reg.lookup(name) != nil })
	for _, path := range missing {
		src := fmt.Sprintf("import %q", path)
		cell := s.newCell(0, src)
		pl, err := compileCell(src, 0, s.serial, s, nil)
		if err == nil {
			_, err = s.run(ctx, pl)
		}
		if err != nil {
			return s.protocolError(cell, err)
		}
	}
	return nil
}

// recordDeclarations keeps the declarations of a cell (imports, consts,
// vars, types, funcs and methods, not statements), for child processes.
func (s *Session) recordDeclarations(code string) {
	if d := cellsrc.DeclarationsOf(code); d != "" {
		s.declSrc = append(s.declSrc, d)
	}
}

// Declarations returns the declarations of every cell run so far, one cell
// per element, for a child process to load (package proc).
func (s *Session) Declarations() []string {
	return append([]string(nil), s.declSrc...)
}

// FuncType returns the type of the notebook function name.
func (s *Session) FuncType(name string) (reflect.Type, error) {
	d := s.reg.lookup(name)
	if d == nil || d.Kind != "func" {
		return nil, fmt.Errorf("no function %s is defined", name)
	}
	v, err := s.eval(context.Background(), name)
	if err != nil {
		return nil, err
	}
	return v.Type(), nil
}

// Func returns the notebook function name as a callable value.
func (s *Session) Func(name string) (reflect.Value, error) {
	d := s.reg.lookup(name)
	if d == nil || d.Kind != "func" {
		return reflect.Value{}, fmt.Errorf("no function %s is defined", name)
	}
	v, err := s.eval(context.Background(), name)
	if err != nil {
		return reflect.Value{}, err
	}
	if v.Kind() != reflect.Func {
		return reflect.Value{}, fmt.Errorf("%s is a %s, not a function", name, v.Type())
	}
	return v, nil
}
