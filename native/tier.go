package native

import (
	"context"
	"fmt"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gokernel/typecheck"
)

// MaxPlugins is how many plugins a worker loads at most (plugins cannot
// be unloaded: each keeps its code and data mapped). Past it, functions
// stay interpreted and %native says so; a restart of the kernel starts
// over.
// GOKERNEL_NATIVE_MAX_PLUGINS in the kernel's environment sets it.
var MaxPlugins = envInt("GOKERNEL_NATIVE_MAX_PLUGINS", 64)

// envInt returns the integer in the environment variable name, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n >= 0 {
		return n
	}
	return def
}

// WaitLimit is how long a cell that names a function whose build is under
// way waits for it before it runs the interpreted one.
var WaitLimit = 3 * time.Second

// Installer is what the tier needs of the session: it swaps functions in
// the interpreter, behind the session's redefinition mechanism.
type Installer interface {
	// InstallNative gives the interpreter the compiled functions of in.
	InstallNative(in *Install) error
	// Reinterpret declares the functions names again from their cells'
	// source (the interpreted version).
	Reinterpret(names []string) error
}

// Install is a loaded plugin to give the interpreter.
type Install struct {
	// Path is the import path to give Values under; Name is the import
	// name Src uses for it.
	Path, Name string
	// Values are the compiled functions by exported name.
	Values map[string]reflect.Value
	// Src declares each of Funcs again (package main) as a call of its
	// compiled version, importing Path as Name.
	Src   string
	Funcs []string
	// Current reports whether the functions are still the ones built:
	// called under the session's lock, false means install nothing.
	Current func() bool
}

// state of a function of the session.
type state int

const (
	interpreted state = iota // Reason says why
	pending                  // to build
	building
	compiled
)

// entry is the tier's record of a function of the session.
type entry struct {
	a       *Analysis
	state   state
	reason  string
	defined time.Time // when its cell ran
	job     *job
	built   time.Duration // go build (0: the plugin was in the cache)
	tierUp  time.Duration // definition -> compiled
	plugin  *Plugin
}

// job is one plugin build for functions of the session.
type job struct {
	roots  []*entry
	done   chan struct{}
	replay *Replay // once installed: how to install it again elsewhere
	seq    int     // installation order
}

// Tier tracks the functions of one session: which qualify for the native
// tier and why the others do not, builds the qualifying ones into plugins
// in the background (one build at a time) and has the session install
// them. Its methods are safe for concurrent use.
type Tier struct {
	host Installer

	mu          sync.Mutex
	off         bool
	funcs       map[string]*entry
	consts      map[string]string // session constants of basic types, as source
	builder     *Builder
	unavailable string // why plugins cannot be built or loaded here
	detected    bool
	queue       []*job
	running     bool
	installs    int // plugins installed so far, to order Replays
}

// NewTier returns a Tier that installs into host. The toolchain is
// looked for on the first build.
func NewTier(host Installer) *Tier {
	return &Tier{host: host, funcs: map[string]*entry{}, consts: map[string]string{}}
}

// AfterCell records the declarations of a cell that ran (res is its
// checked Result) and starts building the functions that qualify: the
// cell's own, and those compiled earlier that use a name the cell
// declared again.
func (t *Tier) AfterCell(res *typecheck.Result) {
	if t == nil || res == nil {
		return
	}
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	changed := map[string]bool{}
	for _, name := range res.Names() {
		changed[name] = true
		delete(t.consts, name)
		if c, ok := res.Object(name).(*types.Const); ok {
			if text := constText(c); text != "" {
				t.consts[name] = text
			}
		}
		if _, isFunc := res.Object(name).(*types.Func); !isFunc {
			delete(t.funcs, name)
		}
	}
	for _, fn := range res.Funcs() {
		if strings.HasPrefix(fn.Name, "__gk") {
			continue
		}
		t.funcs[fn.Name] = &entry{a: Analyze(fn, res.Info()), defined: now}
	}
	// Functions that use a changed name were declared again, interpreted,
	// by the session: they are built again.
	for _, e := range t.funcs {
		if e.defined == now || t.uses(e, changed) {
			e.state, e.job, e.reason, e.defined = pending, nil, "", now
		}
	}
	t.schedule()
}

// uses reports whether e or a function it calls, transitively, uses one
// of names.
func (t *Tier) uses(e *entry, names map[string]bool) bool {
	seen := map[string]bool{}
	var walk func(a *Analysis) bool
	walk = func(a *Analysis) bool {
		if seen[a.Name] {
			return false
		}
		seen[a.Name] = true
		for _, lists := range [][]string{a.Calls, a.Consts} {
			for _, n := range lists {
				if names[n] {
					return true
				}
			}
		}
		for _, n := range a.Calls {
			if d := t.funcs[n]; d != nil && walk(d.a) {
				return true
			}
		}
		return false
	}
	return walk(e.a)
}

// closure returns e's function and those it calls, transitively, or the
// reason it cannot be compiled. t.mu is held.
func (t *Tier) closure(e *entry) ([]*Analysis, string) {
	var out []*Analysis
	seen := map[string]bool{}
	var walk func(a *Analysis) string
	walk = func(a *Analysis) string {
		if seen[a.Name] {
			return ""
		}
		seen[a.Name] = true
		if a.Reason != "" {
			if a != e.a {
				return "calls " + a.Name + ", which " + a.Reason
			}
			return a.Reason
		}
		for _, c := range a.Consts {
			if _, ok := t.consts[c]; !ok {
				return "uses the constant " + c + ", which is not of a basic type"
			}
		}
		out = append(out, a)
		for _, n := range a.Calls {
			d := t.funcs[n]
			if d == nil {
				return "calls " + n + ", which the native tier has not seen"
			}
			if r := walk(d.a); r != "" {
				return r
			}
		}
		return ""
	}
	if r := walk(e.a); r != "" {
		return nil, r
	}
	return out, ""
}

// schedule queues a build of the pending functions that qualify. t.mu is
// held.
func (t *Tier) schedule() {
	var roots []*entry
	for _, e := range t.sorted() {
		if e.state != pending {
			continue
		}
		if _, r := t.closure(e); r != "" {
			e.state, e.reason = interpreted, r
			continue
		}
		switch {
		case t.off:
			e.state, e.reason = interpreted, "tier-up is off (%native on)"
		case t.unavailable != "":
			e.state, e.reason = interpreted, "no plugins here: "+t.unavailable
		default:
			roots = append(roots, e)
		}
	}
	if len(roots) == 0 {
		return
	}
	j := &job{roots: roots, done: make(chan struct{})}
	for _, e := range roots {
		e.state, e.job = building, j
	}
	t.queue = append(t.queue, j)
	if !t.running {
		t.running = true
		go t.run()
	}
}

// sorted returns the entries by name.
func (t *Tier) sorted() []*entry {
	names := make([]string, 0, len(t.funcs))
	for n := range t.funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*entry, len(names))
	for i, n := range names {
		out[i] = t.funcs[n]
	}
	return out
}

// run builds the queued jobs, one at a time.
func (t *Tier) run() {
	for {
		t.mu.Lock()
		if len(t.queue) == 0 {
			t.running = false
			t.mu.Unlock()
			return
		}
		j := t.queue[0]
		t.queue = t.queue[1:]
		t.mu.Unlock()
		t.build(j)
		close(j.done)
	}
}

// current reports whether the job's functions are still the session's.
func (t *Tier) current(j *job) bool {
	for _, e := range j.roots {
		if t.funcs[e.a.Name] != e || e.job != j {
			return false
		}
	}
	return true
}

// fail marks the job's functions that are still current as interpreted.
func (t *Tier) fail(j *job, reason string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, e := range j.roots {
		if t.funcs[e.a.Name] == e && e.job == j {
			e.state, e.reason, e.job = interpreted, reason, nil
		}
	}
}

// build builds, loads and installs one job.
func (t *Tier) build(j *job) {
	t.mu.Lock()
	if !t.current(j) {
		t.mu.Unlock()
		return
	}
	if !t.detected {
		t.detected = true
		t.mu.Unlock()
		tc, err := HostToolchain()
		var dir string
		if err == nil {
			dir, err = CacheDir()
		}
		t.mu.Lock()
		if err != nil {
			t.unavailable = err.Error()
		} else {
			t.builder = NewBuilder(tc, dir)
		}
	}
	if t.unavailable != "" {
		t.mu.Unlock()
		t.fail(j, "no plugins here: "+t.unavailable)
		return
	}
	if Loaded() >= MaxPlugins {
		t.mu.Unlock()
		t.fail(j, fmt.Sprintf("the worker has loaded %d plugins, its cap (plugins cannot be unloaded): restart the kernel to compile again", MaxPlugins))
		return
	}
	var funcs []*Analysis
	seen := map[string]bool{}
	for _, e := range j.roots {
		fs, _ := t.closure(e)
		for _, a := range fs {
			if !seen[a.Name] {
				seen[a.Name] = true
				funcs = append(funcs, a)
			}
		}
	}
	files, err := pluginFiles(funcs, t.consts)
	b := t.builder
	t.mu.Unlock()
	if err != nil {
		t.fail(j, "cannot be written as a plugin: "+err.Error())
		return
	}
	p, err := b.Build(context.Background(), files)
	if err != nil {
		t.fail(j, "its plugin did not build: "+err.Error())
		return
	}
	var exports []string
	for _, a := range funcs {
		exports = append(exports, exportName(a.Name))
	}
	values, err := Open(p, exports)
	if err != nil {
		t.fail(j, err.Error())
		return
	}
	pkgName := "__gkn_" + p.Module[strings.LastIndex(p.Module, "/")+1:]
	src := "package main\n\nimport " + pkgName + " " + fmt.Sprintf("%q", p.Module) + "\n\n"
	var names []string
	for _, e := range j.roots {
		w, err := wrapper(e.a, pkgName)
		if err != nil {
			t.fail(j, "cannot be installed: "+err.Error())
			return
		}
		src += w
		names = append(names, e.a.Name)
	}
	in := &Install{Path: p.Module, Name: pkgName, Values: values, Src: src, Funcs: names,
		Current: func() bool { t.mu.Lock(); defer t.mu.Unlock(); return t.current(j) }}
	if err := t.host.InstallNative(in); err != nil {
		t.fail(j, "installing it failed: "+err.Error())
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.installs++
	j.seq = t.installs
	j.replay = &Replay{Path: p.Path, Module: p.Module, Exports: exports, Name: pkgName, Src: src, Funcs: names}
	for _, e := range j.roots {
		if t.funcs[e.a.Name] == e && e.job == j {
			e.state, e.plugin, e.built, e.tierUp = compiled, p, p.Built, time.Since(e.defined)
		}
	}
}

// Wait waits, at most WaitLimit, for the builds of the functions that
// code names (the cell about to run), so that "define in one cell, call
// in the next" runs compiled.
func (t *Tier) Wait(ctx context.Context, code string) {
	if t == nil {
		return
	}
	idents := identifiers(code)
	t.mu.Lock()
	var jobs []*job
	for name := range idents {
		if e := t.funcs[name]; e != nil && e.state == building && e.job != nil {
			jobs = append(jobs, e.job)
		}
	}
	t.mu.Unlock()
	if len(jobs) == 0 {
		return
	}
	timer := time.NewTimer(WaitLimit)
	defer timer.Stop()
	for _, j := range jobs {
		select {
		case <-j.done:
		case <-timer.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// identifiers returns the identifiers of code.
func identifiers(code string) map[string]bool {
	ids := map[string]bool{}
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(code)), []byte(code), nil, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return ids
		}
		if tok == token.IDENT {
			ids[lit] = true
		}
	}
}
