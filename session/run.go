package session

import (
	"context"
	"errors"
	"fmt"
	"gokernel/cellsrc"
	"gokernel/compiler"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// run executes a compiled cell.
func (s *Session) run(ctx context.Context, pl *compiler.Plan) (map[string]any, error) {
	ctx, cr, done := s.begin(ctx)
	defer done()
	cancel := cr.cancel
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	s.clearFrames()
	r := &runner{s: s, ctx: ctx, plan: pl, cell: cr}
	out, err := r.steps(pl)
	cr.stepBlock(0)
	if pl.Defers {
		return r.runDefers(out, err)
	}
	return out, err
}

// steps runs the imports and steps of a plan.
func (r *runner) steps(pl *compiler.Plan) (map[string]any, error) {
	for _, im := range pl.Imports {
		if err := r.importSpec(im); err != nil {
			return nil, err
		}
	}
	for _, st := range pl.Steps {
		r.cell.stepBlock(st.Block)
		r.s.reached.Store(false)
		out, err := r.step(st)
		if err != nil || st.Kind == compiler.StepExpr {
			return out, err
		}
		if st.Returns && !r.s.reached.Load() {
			return nil, nil // a return ended the cell, as one ends main
		}
	}
	return nil, nil
}

// runner runs the steps of one cell.
type runner struct {
	s    *Session
	ctx  context.Context
	plan *compiler.Plan
	cell *cellRun
	// panicked is the value of the panic that ended the last step, if any.
	panicked   bool
	panicValue any
}

// eval evaluates src for the cell, converting errors.
func (r *runner) eval(src string) (reflect.Value, error) {
	v, err := r.s.eval(r.ctx, src)
	if err == nil {
		return v, nil
	}
	return v, r.fail(err)
}

// stmts runs a step of statements. It is compiled under the session's
// lock and runs without it, so that a cell of another shell (a subshell)
// can compile and run meanwhile.
func (r *runner) stmts(src string) error {
	prog, err := r.s.compileCached(";func() {\n" + src + "\n}()")
	if err != nil {
		return r.fail(err)
	}
	r.s.execMu.Unlock()
	_, err = r.s.execute(r.ctx, prog)
	r.s.execMu.Lock()
	if err != nil {
		return r.fail(err)
	}
	return nil
}

// fail converts an error of yaegi for the cell.
func (r *runner) fail(err error) error {
	var p interp.Panic
	if errors.As(err, &p) && r.ctx.Err() == nil {
		r.panicked, r.panicValue = true, p.Value
	}
	if r.ctx.Err() != nil {
		var gp *compiler.Error
		if errors.As(context.Cause(r.ctx), &gp) {
			return gp
		}
		return &compiler.Error{Name: "Interrupted", Msg: "the cell was interrupted"}
	}
	return r.s.evalError(err)
}

// runDefers runs the calls deferred by the cell's top-level defer
// statements at the end of the cell, as Go runs a main's deferred calls:
// in reverse order, also when the cell panicked, and then a deferred
// recover() stops the panic (the cell ends without error). os.Exit runs no
// deferred call.
func (r *runner) runDefers(out map[string]any, err error) (map[string]any, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if !r.panicked {
		if _, derr := r.s.eval(ctx, "__gkRunDefers()"); derr != nil {
			_, _ = fmt.Fprintln(r.s.stderr, "deferred call failed:", r.s.evalError(derr).Msg)
		}
		return out, err
	}
	if _, exit := r.panicValue.(exitPanic); exit {
		_, _ = r.s.eval(ctx, "__gkDefers = nil")
		return out, err
	}
	lits, lerr := r.s.eval(ctx, "__gkDeferLits")
	if lerr != nil || lits.Kind() != reflect.Slice || lits.Len() == 0 {
		return out, err
	}
	// The deferred calls run while the panic unwinds, each as a deferred
	// call of its own, so that recover() in them sees the panic: a func
	// literal's source is deferred again (it refers to globals only, or
	// this fails to compile and the calls run as after a panic in Go
	// without a recover).
	var b strings.Builder
	b.WriteString(";func() {\n")
	for i := 0; i < lits.Len(); i++ {
		if id := int(lits.Index(i).Int()); id >= 0 && id < len(r.plan.DeferLits) && r.plan.DeferLits[id] != "" {
			fmt.Fprintf(&b, "\tdefer %s()\n", r.plan.DeferLits[id])
		} else {
			fmt.Fprintf(&b, "\tdefer __gkDefers[%d]()\n", i)
		}
	}
	b.WriteString("\tpanic(" + compiler.RuntimeName + ".Panicking())\n}()")
	r.s.panicking = r.panicValue
	defer func() {
		r.s.panicking = nil
		if _, rerr := r.s.eval(ctx, "__gkDefers = nil; __gkDeferLits = nil"); rerr != nil {
			_, _ = fmt.Fprintln(r.s.stderr, "gokernel: resetting deferred calls failed:", r.s.evalError(rerr).Msg)
		}
	}()
	r.panicked = false
	r.s.clearFrames()
	if _, perr := r.s.eval(ctx, b.String()); perr != nil {
		var p interp.Panic
		if !errors.As(perr, &p) { // did not compile: run them as they are
			if _, derr := r.s.eval(ctx, "__gkRunDefers()"); derr != nil {
				_, _ = fmt.Fprintln(r.s.stderr, "deferred call failed:", r.s.evalError(derr).Msg)
			}
			return out, err
		}
		if p.Value == r.panicValue {
			return out, err // not recovered: the cell's own panic, as it was
		}
		return out, r.s.evalError(perr)
	}
	return nil, nil // recovered
}

// importSpec imports one package unless it already is.
func (r *runner) importSpec(im compiler.Import) error {
	key := im.Name + " " + im.Path
	if im.Name != "_" {
		r.s.check.AddImport(im.Name, im.Path)
	}
	if im.Name == "_" || r.s.imported[key] {
		return nil
	}
	if err := r.s.usePackage(im.Path); err != nil {
		return err
	}
	if _, err := r.eval("package main\n" + im.Src); err != nil {
		return err
	}
	r.s.imported[key] = true
	r.s.forgetCompiled()
	name := im.Name
	if name == "" {
		name = cellsrc.ImportName(im.Path)
	}
	r.s.reg.define(&compiler.Decl{Name: name, Kind: "import", Type: im.Path})
	return nil
}

// step runs one step; a stepExpr returns the Out bundle.
func (r *runner) step(st *compiler.Step) (map[string]any, error) {
	switch st.Kind {
	case compiler.StepDecls:
		if strings.TrimSpace(st.Src) != "" {
			if _, err := r.eval("package main\n" + st.Src); err != nil {
				return nil, err
			}
		}
		for _, a := range st.Assigns {
			if _, err := r.eval(a); err != nil {
				return nil, err
			}
		}
		r.define(st.Decls)
		if st.CallMain {
			_, err := r.eval(compiler.MainName + "()")
			return nil, err
		}
	case compiler.StepDefine:
		if _, err := r.eval(st.Src); err != nil {
			return nil, err
		}
		r.define(st.Decls)
	case compiler.StepCommaOK:
		if err := r.commaOK(st); err != nil {
			return nil, err
		}
		r.define(st.Decls)
	case compiler.StepStmts:
		return nil, r.stmts(st.Src)
	case compiler.StepExpr:
		return r.display(st)
	}
	return nil, nil
}

// commaOK declares the variables of v, ok := x with their types, then
// assigns them: yaegi crashes on comma-ok defines at package level.
func (r *runner) commaOK(st *compiler.Step) error {
	// yaegi mixes up the blank of a package-level comma-ok assignment
	// with other variables (reflect.Set: value of type int is not
	// assignable to type []func()): a blank is a variable of its own.
	lhs := st.LHS
	for i, n := range lhs {
		if n == "_" {
			lhs[i] = "__gkBlank" + strconv.Itoa(i)
		}
	}
	typ := st.AssertType
	if typ == "" {
		typ = r.s.TypeOf(st.Src)
	}
	if typ == "" {
		typ = "any"
	}
	if st.LHS[0] != "_" {
		st.Decls[0].Type = typ
	}
	decls := "package main\nvar " + lhs[0] + " " + typ + "\nvar " + lhs[1] + " bool\n"
	if _, err := r.eval(decls); err != nil {
		return err
	}
	_, err := r.eval(lhs[0] + ", " + lhs[1] + " = " + st.Src)
	return err
}
