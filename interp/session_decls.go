package interp

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
)

// autoImport imports the standard packages code uses without importing
// them (like goimports), so `fmt.Println` works in a first cell.
func (s *Session) autoImport(ctx context.Context, code string) error {
	missing := MissingImports(code, func(name string) bool { return s.reg.lookup(name) != nil })
	for _, path := range missing {
		src := fmt.Sprintf("import %q", path)
		cell := s.newCell(0, src)
		pl, err := Compile(src, 0, s.serial, s)
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
	if d := declarationsOf(code); d != "" {
		s.declSrc = append(s.declSrc, d)
	}
}

// declarationsOf returns the declarations of a cell as source, in order.
func declarationsOf(code string) string {
	return strings.Join(DeclarationItems(code), "\n")
}

// DeclarationItems returns each top-level declaration of a cell (imports,
// consts, vars, types, funcs and methods, not statements), in order.
func DeclarationItems(code string) []string {
	p, err := Parse(code)
	if err != nil {
		return nil
	}
	var parts []string
	for _, it := range p.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "main" {
				continue
			}
		case *ast.GenDecl:
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); !ok || gd.Tok == token.IMPORT {
				continue
			}
		default:
			continue
		}
		start, end := p.Off(it.Pos()), p.Off(it.End())
		if start >= 0 && end <= len(code) && start < end {
			parts = append(parts, code[start:end])
		}
	}
	return parts
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
