package typecheck

import (
	"go/types"
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

// GenericUses returns the generic functions and types of the packages
// that module reports as modules' which the cell names ("slices.Index"),
// sorted.
func (r *Result) GenericUses(module func(path string) bool) []string {
	if r == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, obj := range r.info.Uses {
		pkg := obj.Pkg()
		if pkg == nil || !module(pkg.Path()) || obj.Parent() != pkg.Scope() {
			continue
		}
		generic := false
		switch o := obj.(type) {
		case *types.Func:
			generic = o.Type().(*types.Signature).TypeParams().Len() > 0
		case *types.TypeName:
			if n, ok := o.Type().(*types.Named); ok {
				generic = n.TypeParams().Len() > 0
			}
		}
		if generic {
			seen[pkg.Path()[strings.LastIndex(pkg.Path(), "/")+1:]+"."+obj.Name()] = true
		}
	}
	var names []string
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
