package session

import (
	"context"
	"errors"
	"fmt"
	"gokernel/compiler"
	"gokernel/compiler/mono"
	"gokernel/interpvalue"
	"gokernel/native"
	"gokernel/typecheck"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/traefik/yaegi/interp"
)

// Options configures a Session.
type Options struct {
	// Stdout and Stderr receive the cells' output. They must be *os.File
	// (pipes) so that os.Stdout, os.Stderr and child processes follow them.
	Stdout, Stderr *os.File
	// Stdin is what fmt.Scan and friends read.
	Stdin io.Reader
	// Symbols are extra packages cells can import, keyed as yaegi expects
	// ("gokernel/display/display").
	Symbols map[string]map[string]reflect.Value
	// NoTypeCheck turns off Go's type checker in front of the interpreter
	// (the child processes of package proc load cells that were checked).
	NoTypeCheck bool
	// Native turns on the native tier: functions that qualify are
	// compiled into plugins after their cell runs (package native).
	Native bool
}

// Session is the interpreter state of one worker: every cell runs in it.
type Session struct {
	opts Options
	// reached is set when a run of statements holding a return of the
	// cell got to its end (see runner.steps).
	reached atomic.Bool
	// typed is whether go/types checked the cell running now: yaegi's
	// compile errors are then its own limits, not the cell's mistakes.
	typed  bool
	yi     *interp.Interpreter
	stderr *os.File
	// printer gives compiled fmt the values of the cells' types held in
	// interfaces (the cell compiler's __gkrt.FmtAny and Stringer).
	printer interpvalue.Printer

	// execMu serializes what cells do to the session (compiling, the
	// registry): cells of several shells (subshells) run their statements
	// concurrently, compiled one at a time (see runner.stmts).
	execMu sync.Mutex
	mu     sync.Mutex
	cancel context.CancelCauseFunc // cancels the running cell
	frames []goFrame
	inst   *instruments // goroutine instruments: see watch.go

	reg       registry
	check     *typecheck.Checker // nil: no type checking
	mono      *mono.Registry     // the cells' generics and their instances
	warmed    <-chan struct{}    // closed when the checker's warm-up is over
	panicking any                // see runner.runDefers
	imported  map[string]bool    // "name path" of the imports done
	pendingGo atomic.Int64       // goroutines started by cells and not yet running
	liveGo    atomic.Int64       // goroutines started by cells and not ended (runtime.NumGoroutine)
	loaded    map[string]bool    // import paths of the standard packages given to yaegi
	overrides interp.Exports     // symbols replacing standard ones (os.Exit...), and the kernel's packages
	cells     map[int]*cellSrc   // by serial, for tracebacks
	serial    int
	display   map[string]bool                       // HTML, SVG, Markdown: some type has the method
	declSrc   []string                              // the declarations of each cell run, for child processes
	progs     map[string]cachedProg                 // compiled statement code, see progcache.go
	probes    map[string]error                      // outcomes of compileOnly probes
	tier      *native.Tier                          // nil: no native tier
	modules   map[string]bool                       // import paths of the modules' packages given to yaegi
	modSyms   interp.Exports                        // their symbols, for completion (under mu)
	generics  map[string]bool                       // identifiers of package generic's added instantiations given to yaegi
	debugHook atomic.Pointer[func(*interp.Program)] // see SetDebugHook
}

// cellSrc is a cell that was run.
type cellSrc struct {
	count int
	src   string
}

// NewSession returns a Session with the standard library and opts.Symbols loaded.
func New(opts Options) (*Session, error) {
	s := &Session{
		opts:     opts,
		stderr:   stdFile(opts.Stderr, os.Stderr),
		imported: map[string]bool{},
		loaded:   map[string]bool{},
		cells:    map[int]*cellSrc{},
		display:  map[string]bool{},
		progs:    map[string]cachedProg{},
		probes:   map[string]error{},
		modules:  map[string]bool{},
		modSyms:  interp.Exports{},
		generics: map[string]bool{},
	}
	s.reg.decls = map[string]*compiler.Decl{}
	s.initInstruments()
	s.warmed = (*typecheck.Checker)(nil).Warm() // closed: nothing to warm up
	if !opts.NoTypeCheck {
		s.check = typecheck.NewChecker()
		s.mono = mono.NewRegistry()
		s.warmed = s.check.Warm(startPackages...)
		if opts.Native {
			s.tier = native.NewTier(s)
		}
	}
	var stdin io.Reader = os.Stdin
	if opts.Stdin != nil {
		stdin = opts.Stdin
	}
	s.yi = interp.New(interp.Options{
		Stdin:        stdin,
		Stdout:       stdFile(opts.Stdout, os.Stdout),
		Stderr:       frameFilter{s},
		Unrestricted: true,
		Env:          os.Environ(),
	})
	// yaegi's wrapper of a value of the cells in an error (interp._error,
	// the only symbol it starts with) has only Error and keeps a struct
	// value's last field only: interpvalue's have Is and Unwrap, and keep it
	if key := s.yi.Symbols("")[""]["_error"]; key.IsValid() {
		wrappers := map[reflect.Value][]reflect.Type{key: interpvalue.ErrorWrappers()}
		if err := s.yi.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(wrappers)}}); err != nil {
			return nil, err
		}
	}
	if err := s.useStartPackages(); err != nil {
		return nil, err
	}
	// and its wrapper of one in a fmt.Stringer, for the types without fields
	if key := s.yi.Symbols("fmt")["fmt"]["_Stringer"]; key.IsValid() {
		wrappers := map[reflect.Value][]reflect.Type{key: interpvalue.StringerWrappers()}
		if err := s.yi.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(wrappers)}}); err != nil {
			return nil, err
		}
	}
	if _, err := s.eval(context.Background(), compiler.Prelude); err != nil {
		return nil, fmt.Errorf("gokernel: prelude: %w", err)
	}
	for _, pkg := range opts.Symbols {
		for _, v := range pkg {
			s.noteDisplayMethods(v)
		}
	}
	return s, nil
}

// Warmed returns a channel closed once the session's start-up work in the
// background (the type checker's imports of the packages every session
// uses) is over.
func (s *Session) Warmed() <-chan struct{} { return s.warmed }

// noteDisplayMethods records which rich display methods the type of a
// package symbol (a (*T)(nil) value) has.
func (s *Session) noteDisplayMethods(v reflect.Value) {
	if !v.IsValid() || v.Kind() != reflect.Pointer || !v.IsNil() {
		return
	}
	for _, m := range displayMethods {
		if _, ok := v.Type().MethodByName(m.method); ok {
			s.display[m.method] = true
		}
	}
}

// eval evaluates src, recovering what yaegi does not.
func (s *Session) eval(ctx context.Context, src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = interp.Panic{Value: r}
		}
	}()
	if h := s.debugHook.Load(); h != nil {
		return s.evalDebug(ctx, src, *h)
	}
	if cacheable(src) {
		return s.evalCached(ctx, src)
	}
	return s.yi.EvalWithContext(ctx, src)
}

// compileOnly compiles src without running it (a probe of types). The
// outcome is cached until a declaration changes, like compiled programs.
func (s *Session) compileOnly(src string) (err error) {
	key, _ := cacheKey(src)
	if e, ok := s.probes[key]; ok {
		return e
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
		if len(s.probes) >= progCacheSize {
			s.probes = map[string]error{}
		}
		s.probes[key] = err
	}()
	_, err = s.yi.Compile(src)
	return err
}

// Execute runs one cell; count is its execution count (In [count]). It
// returns the MIME bundle of the cell's value (nil when there is none) or a
// *protocol.Error.
func (s *Session) Execute(ctx context.Context, count int, code string) (map[string]any, error) {
	s.tier.Wait(ctx, code) // a function the cell calls may be compiled in a moment
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if err := s.autoImport(ctx, code); err != nil {
		return nil, err
	}
	cell := s.newCell(count, code)
	if err := s.importModules(ctx, code); err != nil {
		return nil, s.protocolError(cell, err)
	}
	checked, err := s.check.Check(code)
	if err == nil {
		err = s.instantiate(ctx, checked)
	}
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	code, checked, monoCommit := s.monomorphize(ctx, code, checked)
	var types compiler.Types
	if checked != nil {
		types = checked
	}
	s.typed = checked != nil
	pl, err := compileCell(code, count, s.serial, s, types)
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	s.recordDeclarations(code) // before running: the cell may start processes that need them
	since := native.Seq()
	out, err := s.run(ctx, pl)
	if ctx.Err() != nil && s.tier != nil {
		native.Interrupt(since) // the interpreter cannot stop compiled code
	}
	var ce *compiler.Error
	if err == nil || !errors.As(err, &ce) || ce.Name != "CompileError" {
		checked.Commit() // what ran before a panic is declared
		if monoCommit != nil {
			monoCommit()
		}
		s.tier.AfterCell(checked)
	}
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	return out, nil
}

// compileCell is compiler.CompileChecked, with a panic of the cell
// compiler (a bug) reported as the cell's error instead of ending the
// worker and the session's variables with it.
func compileCell(src string, count, serial int, e compiler.Env, checked compiler.Types) (pl *compiler.Plan, err error) {
	defer func() {
		if r := recover(); r != nil {
			pl, err = nil, &compiler.Error{Name: "InternalError", Msg: fmt.Sprintf("the cell compiler failed on this cell (a gokernel bug: please report it with the cell; earlier variables are kept): %v", r)}
		}
	}()
	return compiler.CompileChecked(src, count, serial, e, checked)
}

// Evaluate evaluates one expression (for Jupyter user_expressions) and
// returns its MIME bundle.
func (s *Session) Evaluate(ctx context.Context, expr string) (map[string]any, error) {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	cell := s.newCell(0, expr)
	pl, err := compileCell(expr, 0, s.serial, s, nil)
	if err == nil && (len(pl.Imports) > 0 || len(pl.Steps) != 1 || pl.Steps[0].Kind != compiler.StepExpr) {
		err = &compiler.Error{Name: "SyntaxError", Msg: "not an expression"}
	}
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	out, err := s.run(ctx, pl)
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	return out, nil
}

func (s *Session) newCell(count int, code string) *cellSrc {
	s.serial++
	c := &cellSrc{count: count, src: code}
	s.mu.Lock() // the watchdog reads the cells (position)
	s.cells[s.serial] = c
	s.mu.Unlock()
	return c
}

// TypeOf returns the type of the global expression expr, learned from the
// compiler's message when it is assigned to a struct type; "" if unknown.
func (s *Session) TypeOf(expr string) string {
	err := s.compileOnly("package main\nfunc __gkprobe() { var _ __gkNever = (" + expr + ") }")
	if err == nil {
		return ""
	}
	m := typeErrRe.FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	return mainRe.ReplaceAllString(m[1], "")
}

// Lookup implements env.
func (s *Session) Lookup(name string) *compiler.Decl { return s.reg.lookup(name) }

// Names returns the names cells have defined, in definition order.
func (s *Session) Names() []compiler.Name {
	var names []compiler.Name
	for _, n := range s.reg.order {
		d := s.reg.decls[n]
		if d == nil || d.Kind == "method" || strings.HasPrefix(n, "__gk") || mono.IsInstanceName(n) {
			continue
		}
		names = append(names, compiler.Name{Name: n, Kind: d.Kind, Type: interpvalue.RenameInstances(d.Type)})
	}
	return names
}
