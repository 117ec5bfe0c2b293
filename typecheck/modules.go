package typecheck

import (
	"go/types"
	"gokernel/compiler"
	"sort"
	"strings"
	"sync"
)

// modImporter is a Checker's importer: the packages of modules that the
// session loaded (AddPackage), else the standard library's.
type modImporter struct {
	types.ImporterFrom
	mu   sync.Mutex // Warm imports on a goroutine of its own
	pkgs map[string]*types.Package
}

// ImportFrom implements types.ImporterFrom.
func (m *modImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	m.mu.Lock()
	p := m.pkgs[path]
	m.mu.Unlock()
	if p != nil {
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
	m := c.imp.(*modImporter)
	m.mu.Lock()
	m.pkgs[p.Path()] = p
	m.mu.Unlock()
}

// ImportStd returns the standard package path as the checker knows it.
func (c *Checker) ImportStd(path string) (*types.Package, error) {
	return c.imp.(*modImporter).ImporterFrom.ImportFrom(path, "", 0)
}

// Instantiation is a generic function or type of a module's package with
// the type arguments a cell uses it with.
type Instantiation struct {
	// Obj is a *types.Func or a *types.TypeName.
	Obj      types.Object
	TypeArgs *types.TypeList
	// Key is the instantiation's key in package stdlib/generic.
	Key string
}

// ModuleGenerics returns the instantiations of the generic functions and
// types of the packages that module reports as modules' which the cell
// uses, each once, and the generic types it names without type arguments
// the checker knows ("list.List", sorted).
func (r *Result) ModuleGenerics(module func(path string) bool) (insts []Instantiation, typeNames []string) {
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
		generic := false
		switch o := obj.(type) {
		case *types.Func:
			generic = o.Type().(*types.Signature).TypeParams().Len() > 0
		case *types.TypeName:
			n, ok := o.Type().(*types.Named)
			generic = ok && n.TypeParams().Len() > 0
		}
		if !generic {
			continue
		}
		inst, ok := r.insts[off]
		if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
			if name := pkg.Name() + "." + obj.Name(); !seen[name] {
				seen[name] = true
				typeNames = append(typeNames, name)
			}
			continue
		}
		key := compiler.InstanceKey(obj, inst.TypeArgs)
		if !seen[key] {
			seen[key] = true
			insts = append(insts, Instantiation{Obj: obj, TypeArgs: inst.TypeArgs, Key: key})
		}
	}
	sort.Strings(typeNames)
	sort.Slice(insts, func(i, j int) bool { return insts[i].Key < insts[j].Key })
	return insts, typeNames
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
