package modules

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"gokernel/native"

	"golang.org/x/tools/go/gcexportdata"
)

// formatVersion changes when the plugins' source changes: plugins built
// before are then built again.
const formatVersion = "modules/1"

// listed is a package as go list -json prints it.
type listed struct {
	ImportPath, Name, Export string
	Standard                 bool
	Imports                  []string
	Module                   *struct {
		Path, Version string
		Replace       *struct{ Path, Version, Dir string }
	}
	Error      *struct{ Err string }
	DepsErrors []*struct{ Err string }
}

// version returns "module@version" of a listed package of a module.
func (l *listed) version() string {
	if l.Module == nil {
		return ""
	}
	v := l.Module.Path + "@" + l.Module.Version
	if r := l.Module.Replace; r != nil {
		v += " => " + r.Path + "@" + r.Version
	}
	return v
}

// Importer returns the standard packages' types, as the type checker
// knows them (so that module packages share them).
type Importer func(path string) (*types.Package, error)

// Import makes the package with import path path of a module loadable: it
// adds its module to the session module if needed (the latest version,
// from GOPROXY or the module cache), builds it into a plugin (or takes it
// from the plugin cache) and loads it. std gives the standard packages'
// types; nil: the package's Types are not read.
func (s *Session) Import(ctx context.Context, path string, std Importer) (*Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.pkgs[path]; p != nil {
		if p.Types == nil && std != nil { // loaded before by a session without a checker
			deps, err := s.list(ctx, path)
			if err == nil {
				p.Types, err = s.readTypes(deps, std)
			}
			if err != nil {
				return nil, fmt.Errorf("cannot import %s: reading its types: %v", path, err)
			}
		}
		return p, nil
	}
	start := time.Now()
	if err := s.ensure(); err != nil {
		return nil, fmt.Errorf("cannot import %s: Go plugins are unavailable in this worker, and packages outside the standard library are built into plugins: %v", path, err)
	}
	deps, err := s.list(ctx, path)
	if err != nil && notProvided(err) {
		if _, gerr := s.run(ctx, "get", path); gerr != nil {
			if _, cerr := s.fromCache(ctx, path); cerr != nil {
				return nil, notFound(path, gerr)
			}
		}
		deps, err = s.list(ctx, path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %v", path, err)
	}
	self := deps[len(deps)-1]
	if self.Name == "main" {
		return nil, fmt.Errorf("cannot import %s: it is a program (package main), not a package", path)
	}
	if err := s.conflict(path, deps); err != nil {
		return nil, err
	}
	parts := []string{formatVersion, s.tc.Key, path}
	for _, d := range deps {
		if !d.Standard {
			parts = append(parts, d.ImportPath+" "+d.version()+" "+filepath.Base(d.Export))
		}
	}
	key := hash(parts...)
	so := filepath.Join(s.plugins, "mod-"+key+".so")
	p := &Package{Path: path, Name: self.Name, Plugin: so}
	if self.Module != nil {
		p.Module, p.Version = self.Module.Path, self.Module.Version
	}
	if _, err := os.Stat(so); err != nil {
		t := time.Now()
		if err := s.build(ctx, path, key, so); err != nil {
			return nil, fmt.Errorf("cannot import %s: %v", path, err)
		}
		p.Built = time.Since(t)
	}
	if fi, err := os.Stat(so); err == nil {
		p.Size = fi.Size()
	}
	if err := s.failed[so]; err != nil {
		return nil, fmt.Errorf("cannot import %s: %v (restart the kernel to load it again)", path, err)
	}
	if p.Symbols, err = open(so); err != nil {
		if strings.Contains(err.Error(), "panicked") {
			s.failed[so] = err // Go's plugin package would wait forever for it
		}
		return nil, fmt.Errorf("cannot import %s: %v", path, err)
	}
	for _, d := range deps {
		if !d.Standard {
			s.versions[d.ImportPath] = d.version()
		}
	}
	if std != nil {
		if p.Types, err = s.readTypes(deps, std); err != nil {
			return nil, fmt.Errorf("cannot import %s: reading its types: %v", path, err)
		}
	}
	p.Took = time.Since(start)
	s.pkgs[path] = p
	return p, nil
}

// list returns the package path and its dependencies, the package last,
// with their export data (compiled as the plugin's build compiles them,
// so that the build reuses them).
func (s *Session) list(ctx context.Context, path string) ([]*listed, error) {
	args := append([]string{"list", "-deps", "-export", "-buildmode=plugin"}, s.tc.Flags...)
	args = append(args, "-json=ImportPath,Name,Export,Standard,Imports,Module,Error,DepsErrors", "--", path)
	out, err := s.run(ctx, args...)
	if err != nil {
		return nil, err
	}
	var deps []*listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		l := &listed{}
		if err := dec.Decode(l); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %v", err)
		}
		if l.Error != nil {
			return nil, errors.New(l.Error.Err)
		}
		deps = append(deps, l)
	}
	if len(deps) == 0 || deps[len(deps)-1].ImportPath != path {
		return nil, fmt.Errorf("go list did not list %s", path)
	}
	return deps, nil
}

// notProvided reports whether err says that no module of the session
// module provides the package (it must be added first).
func notProvided(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "no required module provides package") || strings.Contains(msg, "cannot find module providing package") ||
		strings.Contains(msg, "finding module for package") || strings.Contains(msg, "missing go.sum entry")
}

// notFound is the error of a package that go get could not add.
func notFound(path string, err error) error {
	proxy := os.Getenv("GOPROXY")
	if proxy == "" {
		proxy = "https://proxy.golang.org,direct (the default)"
	}
	msg := err.Error()
	var why string
	switch {
	case strings.Contains(msg, "GOPROXY=off") || strings.Contains(msg, "module lookup disabled"):
		why = "it is not in the local module cache, and GOPROXY=off forbids downloading it"
	case strings.Contains(msg, "dial tcp") || strings.Contains(msg, "no such host") || strings.Contains(msg, "timeout"):
		why = "the module proxy (GOPROXY=" + proxy + ") cannot be reached, and the local module cache does not have it"
	case strings.Contains(msg, "does not contain package"):
		why = "its module exists but has no such package"
	case strings.Contains(msg, "404") || strings.Contains(msg, "410") || strings.Contains(msg, "403") || strings.Contains(msg, "not found") ||
		strings.Contains(msg, "not available") || strings.Contains(msg, "unrecognized import path") || strings.Contains(msg, "no matching versions"):
		why = "no module provides it: neither the module proxy (GOPROXY=" + proxy + ") nor the local module cache has it"
	default:
		why = "the module could not be added to the session module"
	}
	return fmt.Errorf("cannot import %s: %s\n(%s)", path, why, msg)
}

// conflict returns an error when a package the plugin of path would
// contain was loaded before at another version: Go plugins cannot be
// unloaded, and a process holds one version of a package.
func (s *Session) conflict(path string, deps []*listed) error {
	for _, d := range deps {
		if d.Standard {
			continue
		}
		if old, ok := s.versions[d.ImportPath]; ok && old != d.version() {
			return fmt.Errorf("cannot import %s: it needs %s, and this worker has loaded %s (Go plugins cannot be unloaded, and a process holds one version of a package): restart the kernel to use %s (the session module keeps it)",
				path, d.ImportPath+" of "+d.version(), old, d.version())
		}
	}
	return nil
}

// open loads the plugin so and returns its symbol table. A package whose
// initialization panics gives an error, not a dead worker.
func open(so string) (syms map[string]map[string]reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			syms, err = nil, fmt.Errorf("loading its plugin: the initialization of its packages panicked: %v", r)
		}
	}()
	pl, err := native.OpenFile(so)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "different version of package") {
			msg += " (the worker itself contains another version of that package, or a plugin loaded before does: pin the worker's version with %go get, or restart the kernel)"
		}
		return nil, fmt.Errorf("loading its plugin: %s", msg)
	}
	sym, err := pl.Lookup("Symbols")
	if err != nil {
		return nil, fmt.Errorf("loading its plugin: %v", err)
	}
	m, ok := sym.(*map[string]map[string]reflect.Value)
	if !ok {
		return nil, fmt.Errorf("loading its plugin: Symbols is a %T", sym)
	}
	return *m, nil
}

// readTypes reads the types of the module packages of deps from their
// export data, with the standard packages they import taken from std.
func (s *Session) readTypes(deps []*listed, std Importer) (*types.Package, error) {
	fset := token.NewFileSet()
	standard := map[string]bool{}
	var last *types.Package
	for _, d := range deps {
		if d.Standard {
			standard[d.ImportPath] = true
			continue
		}
		if p := s.types[d.ImportPath]; p != nil {
			last = p
			continue
		}
		imports := map[string]*types.Package{}
		var add func(p *types.Package)
		add = func(p *types.Package) {
			if imports[p.Path()] != nil {
				return
			}
			imports[p.Path()] = p
			for _, q := range p.Imports() {
				add(q)
			}
		}
		for _, ip := range d.Imports {
			if p := s.types[ip]; p != nil {
				add(p)
			} else if standard[ip] {
				if p, err := std(ip); err == nil {
					add(p)
				}
			}
		}
		p, err := readExport(fset, imports, d)
		if err != nil {
			return nil, err
		}
		s.types[d.ImportPath] = p
		last = p
	}
	return last, nil
}

// readExport reads the export data of d.
func readExport(fset *token.FileSet, imports map[string]*types.Package, d *listed) (*types.Package, error) {
	if d.Export == "" {
		return nil, fmt.Errorf("no export data for %s", d.ImportPath)
	}
	f, err := os.Open(d.Export)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", d.ImportPath, err)
	}
	return gcexportdata.Read(r, fset, imports, d.ImportPath)
}
