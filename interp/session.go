package interp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
}

// Name is a top-level name defined by cells.
type Name struct {
	Name string
	Kind string // func, var, const, type or import
	Type string // type, signature or import path; "" if unknown
}

// Session is the interpreter state of one worker: every cell runs in it.
type Session struct {
	opts   Options
	yi     *interp.Interpreter
	stderr *os.File

	mu     sync.Mutex
	cancel context.CancelCauseFunc // cancels the running cell
	frames []frame

	reg       registry
	imported  map[string]bool  // "name path" of the imports done
	pendingGo atomic.Int64     // goroutines started by cells and not yet running
	loaded    map[string]bool  // import paths of the standard packages given to yaegi
	overrides interp.Exports   // symbols replacing standard ones (os.Exit...), and the kernel's packages
	cells     map[int]*cellSrc // by serial, for tracebacks
	serial    int
	display   map[string]bool       // HTML, SVG, Markdown: some type has the method
	declSrc   []string              // the declarations of each cell run, for child processes
	progs     map[string]cachedProg // compiled statement code, see progcache.go
	probes    map[string]error      // outcomes of compileOnly probes
}

// cellSrc is a cell that was run.
type cellSrc struct {
	count int
	src   string
}

// NewSession returns a Session with the standard library and opts.Symbols loaded.
func NewSession(opts Options) (*Session, error) {
	s := &Session{
		opts:     opts,
		stderr:   stdFile(opts.Stderr, os.Stderr),
		imported: map[string]bool{},
		loaded:   map[string]bool{},
		cells:    map[int]*cellSrc{},
		display:  map[string]bool{},
		progs:    map[string]cachedProg{},
		probes:   map[string]error{},
	}
	s.reg.decls = map[string]*decl{}
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
	if err := s.useStartPackages(); err != nil {
		return nil, err
	}
	if _, err := s.eval(context.Background(), prelude); err != nil {
		return nil, fmt.Errorf("gokernel: prelude: %w", err)
	}
	for _, pkg := range opts.Symbols {
		for _, v := range pkg {
			s.noteDisplayMethods(v)
		}
	}
	return s, nil
}

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
	if err := s.autoImport(ctx, code); err != nil {
		return nil, err
	}
	cell := s.newCell(count, code)
	pl, err := compileCell(code, count, s.serial, s)
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	s.recordDeclarations(code) // before running: the cell may start processes that need them
	out, err := s.run(ctx, pl)
	if err != nil {
		return nil, s.protocolError(cell, err)
	}
	return out, nil
}

// Evaluate evaluates one expression (for Jupyter user_expressions) and
// returns its MIME bundle.
func (s *Session) Evaluate(ctx context.Context, expr string) (map[string]any, error) {
	cell := s.newCell(0, expr)
	pl, err := compileCell(expr, 0, s.serial, s)
	if err == nil && (len(pl.imports) > 0 || len(pl.steps) != 1 || pl.steps[0].kind != stepExpr) {
		err = &cellError{name: "SyntaxError", msg: "not an expression"}
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
	s.cells[s.serial] = c
	return c
}

// run executes a compiled cell.
func (s *Session) run(ctx context.Context, pl *plan) (map[string]any, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	s.clearFrames()
	r := &runner{s: s, ctx: ctx}
	if pl.defers {
		defer r.runDefers()
	}
	for _, im := range pl.imports {
		if err := r.importSpec(im); err != nil {
			return nil, err
		}
	}
	for _, st := range pl.steps {
		out, err := r.step(st)
		if err != nil || st.kind == stepExpr {
			return out, err
		}
	}
	return nil, nil
}

// runner runs the steps of one cell.
type runner struct {
	s   *Session
	ctx context.Context
}

// eval evaluates src for the cell, converting errors.
func (r *runner) eval(src string) (reflect.Value, error) {
	v, err := r.s.eval(r.ctx, src)
	if err == nil {
		return v, nil
	}
	if r.ctx.Err() != nil {
		var gp *cellError
		if errors.As(context.Cause(r.ctx), &gp) {
			return v, gp
		}
		return v, &cellError{name: "Interrupted", msg: "the cell was interrupted"}
	}
	return v, r.s.evalError(err)
}

// runDefers runs the calls deferred by the cell's top-level defer
// statements, even when the cell failed.
func (r *runner) runDefers() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := r.s.eval(ctx, "__gkRunDefers()"); err != nil {
		_, _ = fmt.Fprintln(r.s.stderr, "deferred call failed:", r.s.evalError(err).msg)
	}
}

// importSpec imports one package unless it already is.
func (r *runner) importSpec(im importSpec) error {
	key := im.name + " " + im.path
	if im.name == "_" || r.s.imported[key] {
		return nil
	}
	if err := r.s.usePackage(im.path); err != nil {
		return err
	}
	if _, err := r.eval("package main\n" + im.src); err != nil {
		return err
	}
	r.s.imported[key] = true
	r.s.forgetCompiled()
	name := im.name
	if name == "" {
		name = im.path[strings.LastIndex(im.path, "/")+1:]
	}
	r.s.reg.define(&decl{name: name, kind: "import", typ: im.path})
	return nil
}

// step runs one step; a stepExpr returns the Out bundle.
func (r *runner) step(st *step) (map[string]any, error) {
	switch st.kind {
	case stepDecls:
		if strings.TrimSpace(st.src) != "" {
			if _, err := r.eval("package main\n" + st.src); err != nil {
				return nil, err
			}
		}
		for _, a := range st.assigns {
			if _, err := r.eval(a); err != nil {
				return nil, err
			}
		}
		r.define(st.decls)
		if st.callMain {
			_, err := r.eval(mainName + "()")
			return nil, err
		}
	case stepDefine:
		if _, err := r.eval(st.src); err != nil {
			return nil, err
		}
		r.define(st.decls)
	case stepCommaOK:
		if err := r.commaOK(st); err != nil {
			return nil, err
		}
		r.define(st.decls)
	case stepStmts:
		_, err := r.eval(";func() {\n" + st.src + "\n}()")
		return nil, err
	case stepExpr:
		return r.display(st)
	}
	return nil, nil
}

// commaOK declares the variables of v, ok := x with their types, then
// assigns them: yaegi crashes on comma-ok defines at package level.
func (r *runner) commaOK(st *step) error {
	decls := "package main\n"
	if st.lhs[0] != "_" {
		typ := st.assertTyp
		if typ == "" {
			typ = r.s.typeOf(st.src)
		}
		if typ == "" {
			typ = "any"
		}
		decls += "var " + st.lhs[0] + " " + typ + "\n"
		st.decls[0].typ = typ
	}
	if st.lhs[1] != "_" {
		decls += "var " + st.lhs[1] + " bool\n"
	}
	if _, err := r.eval(decls); err != nil {
		return err
	}
	_, err := r.eval(st.lhs[0] + ", " + st.lhs[1] + " = " + st.src)
	return err
}

// typeOf returns the type of the global expression expr, learned from the
// compiler's message when it is assigned to a struct type; "" if unknown.
func (s *Session) typeOf(expr string) string {
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

// lookup implements env.
func (s *Session) lookup(name string) *decl { return s.reg.lookup(name) }

// IsComplete reports whether code is complete ("complete", "incomplete"
// with an indent, or "invalid").
func (s *Session) IsComplete(code string) (status, indent string) {
	return isComplete(code)
}

// Names returns the names cells have defined, in definition order.
func (s *Session) Names() []Name {
	var names []Name
	for _, n := range s.reg.order {
		d := s.reg.decls[n]
		if d == nil || d.kind == "method" || strings.HasPrefix(n, "__gk") {
			continue
		}
		names = append(names, Name{Name: n, Kind: d.kind, Type: d.typ})
	}
	return names
}
