package session

import (
	"context"
	"fmt"
	"go/ast"
	"path"
	"reflect"
	"strconv"
	"strings"

	"gokernel/compiler"
	"gokernel/modules"
	"gokernel/stdlib"

	"github.com/traefik/yaegi/interp"
)

// startPackages are given to the interpreter when a session starts. fmt
// makes yaegi redirect the standard streams (patching flag, log, os and
// math/bits, so those must be there too) and compile its generic sources
// (cmp, maps, slices). Every other standard package is loaded when a cell
// imports it: see Session.usePackage.
var startPackages = []string{"fmt", "flag", "log", "os", "math/bits", "cmp", "maps", "slices"}

// usePackage makes the standard package with import path p importable by
// cells, with the packages of the interfaces its API takes or returns
// (yaegi finds the wrapper that lets an interpreted type satisfy a binary
// interface in the interface's package). Unknown paths are left to yaegi,
// which reports them.
func (s *Session) usePackage(p string) error {
	todo := []string{p}
	exports := interp.Exports{}
	for len(todo) > 0 {
		p, todo = todo[0], todo[1:]
		if s.loaded[p] {
			continue
		}
		key := stdlib.Key(p)
		if key == "" {
			continue
		}
		s.loaded[p] = true
		table := s.withOverrides(key, stdlib.Load(key))
		exports[key] = table
		todo = append(todo, interfacePackages(table, p)...)
	}
	if len(exports) == 0 {
		return nil
	}
	return s.yi.Use(exports)
}

// withOverrides returns table with the session's replacements for its
// package (os.Exit...) applied.
func (s *Session) withOverrides(key string, table stdlib.Table) stdlib.Table {
	over := s.overrides[key]
	if len(over) == 0 {
		return table
	}
	merged := make(stdlib.Table, len(table)+len(over))
	for k, v := range table {
		merged[k] = v
	}
	for k, v := range over {
		merged[k] = v
	}
	return merged
}

// interfacePackages returns the import paths, other than self, of the
// named interfaces that a package's functions and methods take, that its
// struct fields hold and that its interfaces' methods return.
func interfacePackages(table stdlib.Table, self string) []string {
	seen := map[reflect.Type]bool{}
	var paths []string
	var visit func(t reflect.Type, depth int)
	visit = func(t reflect.Type, depth int) {
		if t == nil || seen[t] || depth > 2 {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Interface:
			if p := t.PkgPath(); p != "" && p != self && t.Name() != "" {
				paths = append(paths, p)
			}
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
			visit(t.Elem(), depth)
		case reflect.Map:
			visit(t.Key(), depth)
			visit(t.Elem(), depth)
		case reflect.Func:
			for i := 0; i < t.NumIn(); i++ {
				visit(t.In(i), depth+1)
			}
		}
	}
	for _, v := range table {
		switch {
		case v.Kind() == reflect.Func:
			visit(v.Type(), 0)
		case v.Kind() == reflect.Pointer && v.IsNil():
			t := v.Type().Elem()
			if t.PkgPath() != self {
				continue // a wrapper or an alias
			}
			visitType(t, func(ft reflect.Type) { visit(ft, 0) })
		}
	}
	return paths
}

// visitType calls f with the types a package type exposes to code that
// implements or fills it: struct fields, method parameters, and for an
// interface its methods' results too.
func visitType(t reflect.Type, f func(reflect.Type)) {
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				f(t.Field(i).Type)
			}
		}
	case reflect.Interface:
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i).Type
			for j := 0; j < m.NumOut(); j++ {
				f(m.Out(j))
			}
			f(m)
		}
		return
	}
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		f(pt.Method(i).Type)
	}
}

// useStartPackages gives the interpreter the start packages, the kernel's
// own packages and the overrides of standard symbols.
func (s *Session) useStartPackages() error {
	s.overrides = interp.Exports{}
	for _, syms := range []interp.Exports{s.opts.Symbols, s.runtimeSymbols()} {
		for key, table := range syms {
			if s.overrides[key] == nil {
				s.overrides[key] = stdlib.Table{}
			}
			for name, v := range table {
				s.overrides[key][name] = v
			}
		}
	}
	start := interp.Exports{".": {"MapTypes": reflect.ValueOf(stdlib.MapTypes)}}
	for _, p := range startPackages {
		key := stdlib.Key(p)
		start[key] = stdlib.Load(key)
		s.loaded[p] = true
	}
	if err := s.yi.Use(start); err != nil { // fmt/fmt: stdio redirection, generics
		return err
	}
	own := interp.Exports{}
	var more []string
	for key, table := range s.overrides {
		if p := path.Dir(key); s.loaded[p] || stdlib.Key(p) == "" {
			own[key] = table
			more = append(more, interfacePackages(table, p)...)
		}
	}
	for key := range start {
		if key != "." {
			more = append(more, interfacePackages(start[key], path.Dir(key))...)
		}
	}
	if err := s.yi.Use(own); err != nil {
		return err
	}
	for _, p := range more {
		if err := s.usePackage(p); err != nil {
			return err
		}
	}
	return nil
}

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
