// Package modules makes the packages of any Go module importable from cells: it resolves them in a session module, builds each into a Go plugin that exports its symbols, and reads its types for the checker.
//
// A session module is a go.mod kept for a kernel session under the user's
// cache directory (never in the notebook's folder): an import of a package
// outside the standard library adds its module there at the latest version
// (go get, through GOPROXY as configured, or the local module cache), and
// %go get pins or upgrades one. The package is then listed with its
// dependencies (go list -export, which also gives the export data the type
// checker reads), its exported API is extracted into the source of a
// plugin with yaegi's extract package (a Symbols map, as the interpreter's
// standard library tables), and the plugin is built with the worker's own
// toolchain and flags (native.Toolchain) and cached by content next to the
// native tier's plugins. It does not import the interpreter: the session
// gives the symbols to it.
package modules

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gokernel/native"
)

// Session is a session module: its directory, the toolchain that builds
// its packages into plugins, and the packages this process has loaded.
// Its methods are safe for concurrent use.
type Session struct {
	dir     string            // the session module's directory (go.mod)
	plugins string            // where plugins are cached
	tc      *native.Toolchain // nil: plugins are impossible (why: unavailable)
	why     error

	mu       sync.Mutex
	pkgs     map[string]*Package       // loaded packages by import path
	versions map[string]string         // package path -> module@version of every loaded plugin's packages
	types    map[string]*types.Package // module packages read from export data
	failed   map[string]error          // plugins whose initialization panicked
}

// Package is a package of a module that the process has loaded.
type Package struct {
	// Path is the import path; Name the package name.
	Path, Name string
	// Module is the module providing it, Version its version.
	Module, Version string
	// Symbols is the plugin's symbol table, as the interpreter's Use takes
	// it ("golang.org/x/sync/errgroup/errgroup" -> name -> value).
	Symbols map[string]map[string]reflect.Value
	// Types is the package's type information (nil without a checker).
	Types *types.Package
	// Plugin is the plugin's file, Size its size in bytes, Built how long
	// its build took (0: it was in the cache), Took how long the import took.
	Plugin      string
	Size        int64
	Built, Took time.Duration
}

// IsModulePath reports whether the import path p names a package of a
// module (its first element has a dot: golang.org/x/sync/errgroup), not a
// standard or gokernel package.
func IsModulePath(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return strings.Contains(first, ".")
}

var (
	defaultOnce sync.Once
	defaultSess *Session
	current     atomic.Pointer[Session] // defaultSess, once set
)

// Default returns the session module of this process: the one of the
// kernel session ($GOKERNEL_SESSION, set by the kernel, so that a worker
// that replaces another, or a restarted kernel, keeps its pins), in
// os.UserCacheDir()/gokernel/modules ($GOKERNEL_MODULES to move it).
func Default() *Session {
	defaultOnce.Do(func() {
		root := os.Getenv("GOKERNEL_MODULES")
		if root == "" {
			if d, err := os.UserCacheDir(); err == nil {
				root = filepath.Join(d, "gokernel", "modules")
			} else {
				root = filepath.Join(os.TempDir(), "gokernel-modules")
			}
		}
		name := os.Getenv("GOKERNEL_SESSION")
		if name == "" {
			name = fmt.Sprintf("worker-%d", os.Getpid())
		}
		tc, err := native.HostToolchain()
		defaultSess = New(filepath.Join(root, name), tc, err)
		current.Store(defaultSess)
		go prune(root, 14*24*time.Hour)
	})
	return defaultSess
}

// Loaded returns the packages of modules that the process loaded, by
// import path; none before Default was first used.
func Loaded() []*Package {
	s := current.Load() // never starts the default session module
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Package
	for _, p := range s.pkgs {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// SetDefault makes s the session module that Default returns (tests, and
// programs that embed a session).
func SetDefault(s *Session) {
	defaultOnce.Do(func() {})
	defaultSess = s
	current.Store(s)
}

// New returns the session module in dir, built with tc; when tc is nil,
// why says why the process cannot load plugins (every import of a module
// then fails with it).
func New(dir string, tc *native.Toolchain, why error) *Session {
	s := &Session{dir: dir, tc: tc, why: why, pkgs: map[string]*Package{}, versions: map[string]string{}, types: map[string]*types.Package{}, failed: map[string]error{}}
	if why != nil {
		s.tc = nil
	} else if tc == nil {
		s.why = errors.New("no toolchain to build plugins with")
	}
	if s.tc != nil {
		if c, err := native.CacheDir(); err == nil {
			s.plugins = filepath.Join(c, tc.Key)
		} else {
			s.tc, s.why = nil, err
		}
	}
	return s
}

// Dir returns the session module's directory.
func (s *Session) Dir() string { return s.dir }

// prune removes the session modules not used for age (a session module
// is touched by every import).
func prune(root string, age time.Duration) {
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.IsDir() && time.Since(info.ModTime()) > age {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}

// ensure creates the session module if needed: a go.mod of the worker's
// Go release, with no requirement until a cell imports a package.
func (s *Session) ensure() error {
	if s.tc == nil {
		return s.why
	}
	gomod := filepath.Join(s.dir, "go.mod")
	if _, err := os.Stat(gomod); err == nil {
		now := time.Now()
		_ = os.Chtimes(s.dir, now, now)
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return fmt.Errorf("the session module: %v", err)
	}
	text := fmt.Sprintf("// The session module of a gokernel session: the modules its cells import.\nmodule gksession\n\ngo %s\n", strings.TrimPrefix(s.tc.Version, "go"))
	return os.WriteFile(gomod, []byte(text), 0o644)
}

// goCmd returns the go command with args in the session module, with the
// toolchain's build environment but the user's module proxy.
func (s *Session) goCmd(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, s.tc.Go, args...)
	cmd.Dir = s.dir
	env := os.Environ()
	for _, kv := range s.tc.Env {
		if !strings.HasPrefix(kv, "GOPROXY=") && !strings.HasPrefix(kv, "GOFLAGS=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "GOFLAGS=-mod=mod")
	return cmd
}

// fromCache runs go get args with the local module cache as the module
// proxy (GOPROXY=file://$GOMODCACHE/cache/download): a module downloaded
// before, when the configured proxy cannot be reached or is off. Its sums
// were checked when it was downloaded.
func (s *Session) fromCache(ctx context.Context, args ...string) ([]byte, error) {
	out, err := s.run(ctx, "env", "GOMODCACHE")
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "cache", "download")
	return s.runEnv(ctx, []string{"GOPROXY=file://" + filepath.ToSlash(dir), "GOSUMDB=off"}, append([]string{"get"}, args...)...)
}

// run runs the go command and returns its standard output, or an error
// with the first lines of its standard error.
func (s *Session) run(ctx context.Context, args ...string) ([]byte, error) {
	return s.runEnv(ctx, nil, args...)
}

// runEnv is run with env added to the go command's environment.
func (s *Session) runEnv(ctx context.Context, env []string, args ...string) ([]byte, error) {
	cmd := s.goCmd(ctx, args...)
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return out, &goError{args: args, msg: msg}
	}
	return out, nil
}

// goError is a go command that failed, with what it said.
type goError struct {
	args []string
	msg  string
}

func (e *goError) Error() string {
	lines := strings.Split(e.msg, "\n")
	if len(lines) > 6 {
		lines = append(lines[:6], "...")
	}
	return "go " + e.args[0] + ": " + strings.Join(lines, "\n")
}

// hash returns a short hex digest of parts.
func hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:10])
}
