package typecheck

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// exportIndex finds the export data of standard packages in the go
// command's build cache. go/importer asks `go list -export` once per
// package (0.1 s each: two seconds for the 40 imports of gokernel/display);
// the index asks once for a whole batch with its dependencies.
type exportIndex struct {
	goBin string // the go command of the GOROOT being checked
	dir   string // where go list runs: GOROOT, so a notebook's go.mod is not read

	mu    sync.Mutex
	files map[string]string // import path → export data file ("" if none)
	lists int               // go list runs so far
}

func newExportIndex(root string) *exportIndex {
	return &exportIndex{goBin: filepath.Join(root, "bin", "go"), dir: root, files: map[string]string{}}
}

// lookup opens the export data of path (go/importer's lookup function).
func (x *exportIndex) lookup(path string) (io.ReadCloser, error) {
	x.mu.Lock()
	file, ok := x.files[path]
	x.mu.Unlock()
	if !ok {
		if err := x.prefetch(path); err != nil {
			return nil, err
		}
		x.mu.Lock()
		file = x.files[path]
		x.mu.Unlock()
	}
	if file == "" {
		return nil, fmt.Errorf("can't find export data for %q", path)
	}
	return os.Open(file)
}

// prefetch records the export data files of the standard packages among
// paths that are not known yet, and of their dependencies, with one go list.
func (x *exportIndex) prefetch(paths ...string) error {
	x.mu.Lock()
	var todo []string
	for _, p := range paths {
		first, _, _ := strings.Cut(p, "/")
		if _, ok := x.files[p]; !ok && p != "unsafe" && p != "C" && !strings.Contains(first, ".") && first != "gokernel" {
			todo = append(todo, p)
		}
	}
	x.mu.Unlock()
	if len(todo) == 0 {
		return nil
	}
	args := append([]string{"list", "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, todo...)
	cmd := exec.Command(x.goBin, args...)
	cmd.Dir = x.dir
	cmd.Env = append(os.Environ(), "PWD="+x.dir, "GOROOT="+x.dir, "GOTOOLCHAIN=local", "GOFLAGS=")
	x.mu.Lock()
	x.lists++
	x.mu.Unlock()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -export: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if path, file, ok := strings.Cut(line, "\t"); ok {
			x.files[path] = file
		}
	}
	for _, p := range todo {
		if _, ok := x.files[p]; !ok {
			x.files[p] = "" // not a package go list knows
		}
	}
	return nil
}
