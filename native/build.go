package native

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"plugin"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
)

// Builder builds plugins with a Toolchain into a cache directory and
// loads them. Plugins are content-addressed: the same source built by the
// same toolchain is one file, built once and reused by later workers.
type Builder struct {
	tc  *Toolchain
	dir string // the cache directory of this toolchain
}

// CacheDir returns the directory under the user's cache directory
// (os.UserCacheDir) where plugins are built: never the notebook's folder.
func CacheDir() (string, error) {
	if d := os.Getenv("GOKERNEL_NATIVE_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for plugins: %v", err)
	}
	return filepath.Join(d, "gokernel", "native"), nil
}

// NewBuilder returns a Builder for tc that builds under dir/tc.Key.
func NewBuilder(tc *Toolchain, dir string) *Builder {
	return &Builder{tc: tc, dir: filepath.Join(dir, tc.Key)}
}

// Plugin is a built plugin.
type Plugin struct {
	// Path is the plugin file; Module its module path (unique per source).
	Path, Module string
	// Built is how long the build took (0 when the file was in the cache).
	Built time.Duration
	// Size is the file's size in bytes.
	Size int64
}

// Build builds a plugin from files (name -> Go source of package main).
// The module path, and so the plugin's identity, is derived from the
// source: building the same files again returns the cached plugin.
func (b *Builder) Build(ctx context.Context, files map[string]string) (*Plugin, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", name, files[name])
	}
	id := "h" + hex.EncodeToString(h.Sum(nil)[:10])
	p := &Plugin{Path: filepath.Join(b.dir, id+".so"), Module: "gknative/" + id}
	if fi, err := os.Stat(p.Path); err == nil {
		p.Size = fi.Size()
		return p, nil
	}
	src := filepath.Join(b.dir, "src", fmt.Sprintf("%s-%d", id, os.Getpid()))
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(src)
	gomod := "module " + p.Module + "\n\ngo " + langVersion(b.tc.Version) + "\n"
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte(gomod), 0o644); err != nil {
		return nil, err
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(src, name), []byte(files[name]), 0o644); err != nil {
			return nil, err
		}
	}
	tmp := fmt.Sprintf("%s.%d.tmp", p.Path, os.Getpid())
	args := append([]string{"build", "-buildmode=plugin", "-o", tmp}, b.tc.Flags...)
	cmd := b.tc.command(src, append(args, ".")...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	started := func() error {
		if err := cmd.Start(); err != nil {
			return err
		}
		builds.Lock()
		builds.pids[cmd.Process.Pid] = true
		builds.Unlock()
		return nil
	}
	err := runCtx(ctx, started, cmd.Wait, func() { _ = cmd.Process.Kill() })
	if cmd.Process != nil {
		builds.Lock()
		delete(builds.pids, cmd.Process.Pid)
		builds.Unlock()
	}
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("go build -buildmode=plugin: %v: %s", err, firstLines(out.String(), 5))
	}
	p.Built = time.Since(start)
	if err := os.Rename(tmp, p.Path); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(p.Path); err == nil {
		p.Size = fi.Size()
	}
	return p, nil
}

// runCtx runs a started process to its end, killing it when ctx ends.
func runCtx(ctx context.Context, start func() error, wait func() error, kill func()) error {
	if err := start(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, kill)
	defer stop()
	err := wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// langVersion returns "1.26" of "go1.26.8".
func langVersion(v string) string {
	v = strings.TrimPrefix(v, "go")
	if parts := strings.SplitN(v, ".", 3); len(parts) >= 2 {
		minor := parts[1]
		if i := strings.IndexFunc(minor, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			minor = minor[:i]
		}
		return parts[0] + "." + minor
	}
	return v
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}

// builds holds the process IDs of the go commands building plugins.
var builds = struct {
	sync.Mutex
	pids map[int]bool
}{pids: map[int]bool{}}

// Building returns the process IDs of the go commands building plugins
// now: the worker's, not the cells' (an interrupt leaves them alone).
func Building() []int {
	builds.Lock()
	defer builds.Unlock()
	var pids []int
	for pid := range builds.pids {
		pids = append(pids, pid)
	}
	return pids
}

// loaded counts the plugin files this process has opened (plugins cannot
// be unloaded).
var loaded = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

// Loaded returns how many distinct plugins the process has opened.
func Loaded() int {
	loaded.Lock()
	defer loaded.Unlock()
	return len(loaded.paths)
}

// Open loads the plugin p and returns the values of the exported
// package-level variables names (each a func): the value of the variable,
// not a pointer to it. A plugin built by another toolchain gives an error
// that says so.
func Open(p *Plugin, names []string) (map[string]reflect.Value, error) {
	pl, err := OpenFile(p.Path)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "different version of package") {
			msg += " (the plugin and the worker come from different builds: rebuild the worker with ./install.sh)"
		}
		return nil, fmt.Errorf("loading the plugin %s: %s", filepath.Base(p.Path), msg)
	}
	link(func(name string) (any, error) { return pl.Lookup(name) })
	out := map[string]reflect.Value{}
	for _, name := range names {
		sym, err := pl.Lookup(name)
		if err != nil {
			return nil, fmt.Errorf("loading the plugin %s: %v", filepath.Base(p.Path), err)
		}
		v := reflect.ValueOf(sym)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Func {
			return nil, fmt.Errorf("loading the plugin %s: %s is a %s, not a func variable", filepath.Base(p.Path), name, v.Type())
		}
		out[name] = v.Elem()
	}
	return out, nil
}

// OpenFile loads the plugin file path (plugin.Open) and counts it among
// the plugins the process has loaded (Loaded).
func OpenFile(path string) (*plugin.Plugin, error) {
	pl, err := plugin.Open(path)
	if err != nil {
		return nil, err
	}
	loaded.Lock()
	loaded.paths[path] = true
	loaded.Unlock()
	return pl, nil
}

// errCap is returned when the process has loaded as many plugins as it may.
var errCap = errors.New("the worker has loaded as many plugins as it may")
