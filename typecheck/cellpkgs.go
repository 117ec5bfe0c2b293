package typecheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// cellSources maps the import path of a package the worker gives cells
// (gokernel/display, gokernel/measure, gokernel/proc) to its source files.
var cellSources sync.Map // string -> fs.FS

// RegisterSource makes the package at import path path, which the worker
// gives cells but which is not on disk, known to the checker from its Go
// files in fsys (files ending in _test.go are left out): cells that use it
// are type-checked against its real types.
func RegisterSource(path string, fsys fs.FS) { cellSources.Store(path, fsys) }

// cellSource returns the registered source of path, or nil.
func cellSource(path string) fs.FS {
	if v, ok := cellSources.Load(path); ok {
		return v.(fs.FS)
	}
	return nil
}

// importerFunc adapts a function to types.Importer.
type importerFunc func(path string) (*types.Package, error)

// Import implements types.Importer.
func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// checkSource type-checks the package at path from the Go files of fsys,
// importing its dependencies with imp, after giving their paths to prefetch.
func checkSource(path string, fsys fs.FS, fset *token.FileSet, prefetch func([]string), imp types.Importer) (*types.Package, error) {
	names, err := fs.Glob(fsys, "*.go")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, path+"/"+name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no Go files", path)
	}
	var imports []string
	for _, f := range files {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil {
				imports = append(imports, p)
			}
		}
	}
	prefetch(imports)
	conf := types.Config{Importer: imp, FakeImportC: true}
	return conf.Check(path, fset, files, nil)
}
