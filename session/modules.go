package session

import (
	"context"
	"fmt"
	"go/ast"
	"path"
	"strconv"
	"strings"

	"gokernel/compiler"
	"gokernel/modules"

	"github.com/traefik/yaegi/interp"
)

// importModules makes the packages of modules that the cell imports
// available before it is checked: resolved in the session module, built
// into plugins (package modules), given to yaegi and to the checker. An
// error is the cell's; the session is unchanged.
func (s *Session) importModules(ctx context.Context, code string) error {
	p, err := compiler.Parse(code)
	if err != nil {
		return nil // the compiler reports it
	}
	for _, it := range p.Items {
		gd, ok := it.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			is, ok := spec.(*ast.ImportSpec)
			if !ok {
				continue
			}
			ipath, _ := strconv.Unquote(is.Path.Value)
			if !modules.IsModulePath(ipath) || s.modules[ipath] {
				continue
			}
			if err := s.useModule(ctx, ipath); err != nil {
				return &compiler.Error{Name: "ImportError", Msg: err.Error()}
			}
		}
	}
	return nil
}

// useModule loads the package ipath of a module and gives it to yaegi and
// the checker, with the standard packages of the interfaces of its API.
func (s *Session) useModule(ctx context.Context, ipath string) error {
	var std modules.Importer
	if s.check != nil {
		std = s.check.ImportStd
	}
	pkg, err := modules.Default().Import(ctx, ipath, std)
	if err != nil {
		return err
	}
	exports := interp.Exports{}
	var more []string
	for key, table := range pkg.Symbols {
		exports[key] = table
		for _, p := range interfacePackages(table, path.Dir(key)) {
			if !modules.IsModulePath(p) {
				more = append(more, p)
			}
		}
	}
	for _, p := range more {
		if err := s.usePackage(p); err != nil {
			return err
		}
	}
	if err := s.yi.Use(exports); err != nil {
		return err
	}
	s.check.AddPackage(pkg.Types)
	s.modules[ipath] = true
	return nil
}

// refuseGenerics returns an error naming the generic functions and types
// of modules that a checked cell uses: yaegi gets no symbol for them.
func refuseGenerics(names []string) error {
	if len(names) == 0 {
		return nil
	}
	return &compiler.Error{Name: "CompileError", Msg: fmt.Sprintf("%s %s generic: the generic functions and types of modules cannot be used from cells yet (a plugin holds compiled code only, and generic code is compiled per instantiation); use a non-generic function of the package, or %%%%compile",
		strings.Join(names, ", "), map[bool]string{true: "is", false: "are"}[len(names) == 1])}
}

// GoCommand runs %go with its arguments (get MODULE@VERSION..., list) on
// the session module and returns what to print.
func (s *Session) GoCommand(ctx context.Context, args string) (string, error) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return "", fmt.Errorf("usage: %%go get MODULE[@VERSION]... | %%go list")
	}
	switch fields[0] {
	case "get":
		return modules.Default().Get(ctx, fields[1:])
	case "list":
		return modules.Default().List(ctx)
	}
	return "", fmt.Errorf("%%go %s: unknown command (%%go get MODULE[@VERSION]..., %%go list)", fields[0])
}
