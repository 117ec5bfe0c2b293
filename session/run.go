package session

import (
	"context"
	"errors"
	"fmt"
	"gokernel/compiler"
	"reflect"
	"strings"
	"time"
)

// run executes a compiled cell.
func (s *Session) run(ctx context.Context, pl *compiler.Plan) (map[string]any, error) {
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
	if pl.Defers {
		defer r.runDefers()
	}
	for _, im := range pl.Imports {
		if err := r.importSpec(im); err != nil {
			return nil, err
		}
	}
	for _, st := range pl.Steps {
		out, err := r.step(st)
		if err != nil || st.Kind == compiler.StepExpr {
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
		var gp *compiler.Error
		if errors.As(context.Cause(r.ctx), &gp) {
			return v, gp
		}
		return v, &compiler.Error{Name: "Interrupted", Msg: "the cell was interrupted"}
	}
	return v, r.s.evalError(err)
}

// runDefers runs the calls deferred by the cell's top-level defer
// statements, even when the cell failed.
func (r *runner) runDefers() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := r.s.eval(ctx, "__gkRunDefers()"); err != nil {
		_, _ = fmt.Fprintln(r.s.stderr, "deferred call failed:", r.s.evalError(err).Msg)
	}
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
		name = im.Path[strings.LastIndex(im.Path, "/")+1:]
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
		_, err := r.eval(";func() {\n" + st.Src + "\n}()")
		return nil, err
	case compiler.StepExpr:
		return r.display(st)
	}
	return nil, nil
}

// commaOK declares the variables of v, ok := x with their types, then
// assigns them: yaegi crashes on comma-ok defines at package level.
func (r *runner) commaOK(st *compiler.Step) error {
	decls := "package main\n"
	if st.LHS[0] != "_" {
		typ := st.AssertType
		if typ == "" {
			typ = r.s.TypeOf(st.Src)
		}
		if typ == "" {
			typ = "any"
		}
		decls += "var " + st.LHS[0] + " " + typ + "\n"
		st.Decls[0].Type = typ
	}
	if st.LHS[1] != "_" {
		decls += "var " + st.LHS[1] + " bool\n"
	}
	if _, err := r.eval(decls); err != nil {
		return err
	}
	_, err := r.eval(st.LHS[0] + ", " + st.LHS[1] + " = " + st.Src)
	return err
}
