package session

import (
	"context"
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"reflect"
	"strconv"
	"strings"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/interpvalue"
	"gokernel/modules"
	"gokernel/stdlib"
	"gokernel/stdlib/generic"
	"gokernel/typecheck"

	"github.com/traefik/yaegi/interp"
)

// startPackages are given to the interpreter when a session starts. fmt
// makes yaegi redirect the standard streams (patching flag, log, os and
// math/bits, so those must be there too) and compile its generic sources
// (cmp, maps, slices); the prelude's helpers use sync. Every other standard package is loaded when a cell
// imports it: see Session.usePackage.
var startPackages = []string{"fmt", "flag", "log", "os", "math/bits", "cmp", "maps", "slices", "sync"}

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
		if p == "io" && table["_Writer"].IsValid() && table["_Reader"].IsValid() {
			// wrappers that keep the type of the cells' values without
			// fields (%T, assertions): see interpvalue.TypeNameMethod; after
			// the composed ones (a WriterTo stays one for io.Copy)
			w, r := interpvalue.IOWrappers()
			w = append(append([]reflect.Type{}, stdlib.MapTypes[table["_Writer"]]...), w...)
			r = append(append([]reflect.Type{}, stdlib.MapTypes[table["_Reader"]]...), r...)
			exports["."] = stdlib.Table{"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{table["_Writer"]: w, table["_Reader"]: r})}
		}
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
	if !strings.Contains(code, "import") {
		return nil
	}
	p, err := cellsrc.Parse(code)
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
			if !modules.IsModulePath(ipath) || s.modules[ipath] || s.ownPackage(ipath) {
				continue
			}
			if err := s.useModule(ctx, ipath); err != nil {
				return &compiler.Error{Name: "ImportError", Msg: err.Error()}
			}
		}
	}
	return nil
}

// ownPackage reports whether Options.Symbols has the package ipath.
func (s *Session) ownPackage(ipath string) bool {
	for key := range s.opts.Symbols {
		if path.Dir(key) == ipath {
			return true
		}
	}
	return false
}

// useModule loads the package ipath of a module and gives it to yaegi and
// the checker, with the standard packages of the interfaces of its API.
func (s *Session) useModule(ctx context.Context, ipath string) error {
	return s.useModuleDepth(ctx, ipath, 0)
}

// useModuleDepth is useModule; the packages of modules whose interfaces
// the API of ipath takes (yaegi finds the wrapper that lets a cell type
// implement an interface in the interface's package) are loaded too, at
// depth 0 only, as far as they load.
func (s *Session) useModuleDepth(ctx context.Context, ipath string, depth int) error {
	var std modules.Importer
	if s.check != nil {
		std = s.check.ImportStd
	}
	pkg, err := modules.Default().Import(ctx, ipath, std)
	if err != nil {
		return err
	}
	exports := interp.Exports{}
	var more, mods []string
	for key, table := range pkg.Symbols {
		exports[key] = table
		for _, p := range interfacePackages(table, path.Dir(key)) {
			if !modules.IsModulePath(p) {
				more = append(more, p)
			} else if depth == 0 {
				mods = append(mods, p)
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
	s.mu.Lock()
	for key, table := range exports {
		s.modSyms[key] = table
	}
	s.mu.Unlock()
	for _, p := range mods {
		if !s.modules[p] {
			_ = s.useModuleDepth(ctx, p, depth+1) // without it, only its interfaces' wrappers are missing
		}
	}
	return nil
}

// instantiate compiles the instantiations of the generic functions and
// types of modules that a checked cell uses into a plugin (package
// modules) and gives them to yaegi in package generic, where the cell
// compiler finds them (compiler.InstanceKey); type arguments a plugin
// cannot name are refused by name.
func (s *Session) instantiate(ctx context.Context, checked *typecheck.Result) error {
	funcs, typeNames := checked.ModuleGenerics(modules.IsModulePath)
	if len(typeNames) > 0 {
		return &compiler.Error{Name: "CompileError", Msg: fmt.Sprintf("%s: a generic type of a module is used here without type arguments the checker knows; give them (T[int])",
			strings.Join(typeNames, ", "))}
	}
	exprs, imports, aliases := map[string]string{}, map[string]string{}, map[string]string{}
	qualify := func(p *types.Package) string {
		a := aliases[p.Path()]
		if a == "" {
			a = fmt.Sprintf("p%d", len(aliases))
			aliases[p.Path()], imports[a] = a, p.Path()
		}
		return a
	}
	pkgOf := map[string]string{}
	var refused []string
	table := map[string]reflect.Value{}
	for _, in := range funcs {
		if id := generic.Ident(in.Key); id != "" {
			if v := generic.Value(id); v.IsValid() && !s.generics[id] {
				table[id] = v // compiled for another interpreter of the worker (%reset)
			}
			continue
		}
		var args, shown []string
		why := ""
		for i := 0; i < in.TypeArgs.Len(); i++ {
			t := in.TypeArgs.At(i)
			if w := unnameable(t, 0); w != "" && why == "" {
				why = w
			}
			args = append(args, types.TypeString(t, qualify))
			shown = append(shown, types.TypeString(t, func(p *types.Package) string {
				if p.Path() == "main" {
					return ""
				}
				return p.Name()
			}))
		}
		name := in.Obj.Pkg().Name() + "." + in.Obj.Name()
		if why != "" {
			refused = append(refused, fmt.Sprintf("%s[%s] (%s)", name, strings.Join(shown, ", "), why))
			continue
		}
		expr := qualify(in.Obj.Pkg()) + "." + in.Obj.Name() + "[" + strings.Join(args, ", ") + "]"
		if _, isType := in.Obj.(*types.TypeName); isType {
			expr = "(*" + expr + ")(nil)" // a type, as yaegi's tables hold them
		}
		exprs[in.Key] = expr
		pkgOf[in.Key] = in.Obj.Pkg().Path()
	}
	if len(refused) > 0 {
		return &compiler.Error{Name: "CompileError", Msg: "cannot instantiate " + strings.Join(refused, ", ") +
			": a generic function or type of a module is compiled into a plugin, which can name only the types of the standard library and of modules"}
	}
	if len(exprs) > 0 {
		vals, err := modules.Default().Instantiate(ctx, exprs, imports)
		if err != nil {
			return &compiler.Error{Name: "CompileError", Msg: "compiling the instantiations of generic functions of modules: " + err.Error()}
		}
		for key, v := range vals {
			table[generic.Add(pkgOf[key], key, v)] = v
		}
	}
	if len(table) == 0 {
		return nil
	}
	if err := s.yi.Use(interp.Exports{generic.Path + "/generic": table}); err != nil {
		return err
	}
	for id := range table {
		s.generics[id] = true
	}
	return nil
}

// unnameable returns why a plugin cannot name the type t ("" if it can):
// it is, or mentions, a type of the cells or a type parameter.
func unnameable(t types.Type, depth int) string {
	if depth > 8 {
		return ""
	}
	switch t := t.(type) {
	case *types.TypeParam:
		return "a type parameter"
	case *types.Named:
		if p := t.Obj().Pkg(); p != nil && p.Path() == "main" {
			return t.Obj().Name() + " is a type of the cells"
		} else if p != nil && !t.Obj().Exported() {
			return t.Obj().Name() + " is not exported"
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if w := unnameable(t.TypeArgs().At(i), depth+1); w != "" {
				return w
			}
		}
		return ""
	case *types.Alias:
		return unnameable(types.Unalias(t), depth+1)
	case *types.Pointer:
		return unnameable(t.Elem(), depth+1)
	case *types.Slice:
		return unnameable(t.Elem(), depth+1)
	case *types.Array:
		return unnameable(t.Elem(), depth+1)
	case *types.Chan:
		return unnameable(t.Elem(), depth+1)
	case *types.Map:
		if w := unnameable(t.Key(), depth+1); w != "" {
			return w
		}
		return unnameable(t.Elem(), depth+1)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if w := unnameable(tup.At(i).Type(), depth+1); w != "" {
					return w
				}
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if w := unnameable(t.Field(i).Type(), depth+1); w != "" {
				return w
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if w := unnameable(t.Method(i).Type(), depth+1); w != "" {
				return w
			}
		}
	}
	return ""
}

// modulePlugins lists, for %native, the packages of modules the worker
// loaded as plugins.
func modulePlugins() string {
	pkgs := modules.Loaded()
	if len(pkgs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\npackages of modules (plugins)\n")
	for _, p := range pkgs {
		built := "cached"
		if p.Built > 0 {
			built = fmt.Sprintf("built in %.2f s", p.Built.Seconds())
		}
		fmt.Fprintf(&b, "  %s %s  %.1f MB, %s, imported in %.2f s\n", p.Path, p.Version, float64(p.Size)/1e6, built, p.Took.Seconds())
	}
	return b.String()
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
