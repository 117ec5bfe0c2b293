package typecheck

import (
	"fmt"
	"go/build"
	"go/importer"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// goroot returns the GOROOT whose sources the checker imports, or "" if
// there are none (no Go toolchain installed): the checker is then off.
var goroot = sync.OnceValue(func() string {
	for _, dir := range []string{os.Getenv("GOROOT"), build.Default.GOROOT} {
		if dir != "" && isDir(filepath.Join(dir, "src", "fmt")) {
			return dir
		}
	}
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); isDir(filepath.Join(dir, "src", "fmt")) {
			return dir
		}
	}
	return ""
})

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// shared is the file set and importer of every Checker of the process:
// standard packages are type-checked once, whatever the sessions.
var shared = sync.OnceValues(func() (*token.FileSet, *sourceImporter) {
	root := goroot()
	if root == "" {
		return nil, nil
	}
	// Export data (from the go command's build cache, made on first use)
	// holds a package's types in a few MB where type-checking its sources
	// takes tens; the source importer is the fallback without a go command.
	build.Default.GOROOT = root
	build.Default.CgoEnabled = false
	fset := token.NewFileSet()
	kind := "gc"
	if _, err := exec.LookPath("go"); err != nil {
		kind = "source"
	} else if os.Getenv("GOTOOLCHAIN") == "" {
		// go list (run by the importer in the notebook's directory) must
		// not fetch another toolchain for a go.mod found there.
		os.Setenv("GOTOOLCHAIN", "local")
	}
	var index *exportIndex
	var lookup importer.Lookup
	if kind == "gc" {
		index = newExportIndex(root)
		lookup = index.lookup
	}
	imp, ok := importer.ForCompiler(fset, kind, lookup).(types.ImporterFrom)
	if !ok {
		return nil, nil
	}
	return fset, &sourceImporter{ImporterFrom: imp, fset: fset, index: index}
})

// sourceImporter imports standard packages from source, once each.
type sourceImporter struct {
	types.ImporterFrom
	fset  *token.FileSet // for the packages checked from their source here
	index *exportIndex   // where the export data is (nil: from source)
	mu    sync.Mutex
	cache map[string]*types.Package
	fails map[string]error
}

// ImportFrom implements types.ImporterFrom. The packages the worker gives
// cells (gokernel/display...) are checked from the sources registered with
// RegisterSource; other packages outside the standard library fail: the
// checker then treats them as unknown and reports nothing about their use.
func (s *sourceImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.importLocked(path, dir, mode)
}

// importLocked is ImportFrom with s.mu held.
func (s *sourceImporter) importLocked(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if p, ok := s.cache[path]; ok {
		return p, nil
	}
	if err, ok := s.fails[path]; ok {
		return nil, err
	}
	if s.cache == nil {
		s.cache, s.fails = map[string]*types.Package{}, map[string]error{}
	}
	if fsys := cellSource(path); fsys != nil {
		p, err := checkSource(path, fsys, s.fset, s.prefetch, importerFunc(func(dep string) (*types.Package, error) {
			return s.importLocked(dep, dir, mode)
		}))
		if err != nil {
			s.fails[path] = err
			return nil, err
		}
		s.cache[path] = p
		return p, nil
	}
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") || first == "gokernel" {
		err := fmt.Errorf("%s is not a standard package", path)
		s.fails[path] = err
		return nil, err
	}
	p, err := s.ImporterFrom.ImportFrom(path, dir, mode)
	if err != nil {
		s.fails[path] = err
		return nil, err
	}
	s.cache[path] = p
	return p, nil
}

// prefetch finds the export data of the standard packages among paths
// with one go list (a no-op when the packages are checked from source).
func (s *sourceImporter) prefetch(paths []string) {
	if s.index != nil {
		_ = s.index.prefetch(paths...) // on an error, each import reports its own
	}
}

// Import implements types.Importer.
func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, "", 0)
}

// Warm imports packages in the background, so that the first cell that
// uses them does not wait for their type-checking. The channel is closed
// when they are imported.
func (c *Checker) Warm(paths ...string) <-chan struct{} {
	done := make(chan struct{})
	if c == nil {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		if _, s := shared(); s != nil {
			s.prefetch(paths)
		}
		for _, p := range paths {
			_, _ = c.imp.ImportFrom(p, "", 0)
		}
	}()
	return done
}

// AddImport records an import done outside Check (the automatic imports).
func (c *Checker) AddImport(name, path string) {
	if c == nil {
		return
	}
	if name == "" {
		name = cellsrc.ImportName(path)
	}
	c.imports[name] = path
}
