package typecheck

import (
	"go/types"
	"gokernel/compiler"
	"sort"
	"strings"
)

// modImporter is a Checker's importer: the packages of modules that the
// session loaded (AddPackage), else the standard library's.
type modImporter struct {
	types.ImporterFrom
	pkgs map[string]*types.Package
}

// ImportFrom implements types.ImporterFrom.
func (m *modImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if p := m.pkgs[path]; p != nil {
		return p, nil
	}
	return m.ImporterFrom.ImportFrom(path, dir, mode)
}

// Import implements types.Importer.
func (m *modImporter) Import(path string) (*types.Package, error) {
	return m.ImportFrom(path, "", 0)
}

// AddPackage makes the package p (of a module, read from its export data
// with the standard packages of ImportStd) importable by the cells.
func (c *Checker) AddPackage(p *types.Package) {
	if c == nil || p == nil {
		return
	}
	c.imp.(*modImporter).pkgs[p.Path()] = p
}

// ImportStd returns the standard package path as the checker knows it.
func (c *Checker) ImportStd(path string) (*types.Package, error) {
	return c.imp.(*modImporter).ImporterFrom.ImportFrom(path, "", 0)
}

// Instantiation is a generic function of a module's package with the
// type arguments a cell uses it with.
type Instantiation struct {
	Func     *types.Func
	TypeArgs *types.TypeList
	// Key is the instantiation's key in package stdlib/generic.
	Key string
}

// ModuleGenerics returns the generic types of the packages that module
// reports as modules' which the cell names ("list.List", sorted), and the
// instantiations of their generic functions that it uses, each once.
func (r *Result) ModuleGenerics(module func(path string) bool) (typeNames []string, funcs []Instantiation) {
	if r == nil {
		return nil, nil
	}
	r.index()
	seen := map[string]bool{}
	for off, obj := range r.uses { // the cell's own uses, not the stubs'

		pkg := obj.Pkg()
		if pkg == nil || !module(pkg.Path()) || obj.Parent() != pkg.Scope() {
			continue
		}
		switch o := obj.(type) {
		case *types.Func:
			inst, ok := r.insts[off]
			if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
				continue
			}
			key := compiler.InstanceKey(o, inst.TypeArgs)
			if !seen[key] {
				seen[key] = true
				funcs = append(funcs, Instantiation{Func: o, TypeArgs: inst.TypeArgs, Key: key})
			}
		case *types.TypeName:
			if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				name := pkg.Name() + "." + obj.Name()
				if !seen[name] {
					seen[name] = true
					typeNames = append(typeNames, name)
				}
			}
		}
	}
	sort.Strings(typeNames)
	sort.Slice(funcs, func(i, j int) bool { return funcs[i].Key < funcs[j].Key })
	return typeNames, funcs
}

// hasModuleInstance reports whether t mentions an instance of a generic
// type of a module's package (golang.org/x/...): compiled in a plugin,
// the interpreter has no name for it.
func hasModuleInstance(t types.Type) bool {
	return anyNamed(t, func(n *types.Named) bool {
		p := n.Obj().Pkg()
		if p == nil || n.TypeArgs().Len() == 0 {
			return false
		}
		first, _, _ := strings.Cut(p.Path(), "/")
		return strings.Contains(first, ".")
	})
}
