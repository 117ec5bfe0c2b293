package session

import (
	"context"
	"gokernel/compiler"
	"gokernel/interpvalue"
	"gokernel/native"
	"reflect"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// yaegi binds the funcs and vars a function uses when the function is
// compiled, so redefining a func, var or const would leave the functions
// of earlier cells on the old one. The session keeps the source of every
// top-level func (and method body) with the names it mentions; when a name
// is defined again, the functions that mention it are compiled again,
// transitively, all in one file so that mutual recursion stays consistent.

// registry holds the declarations by name.
type registry struct {
	decls map[string]*compiler.Decl
	order []string
}

func (r *registry) lookup(name string) *compiler.Decl { return r.decls[name] }

// define records d and reports whether it replaces a func, var or const.
func (r *registry) define(d *compiler.Decl) bool {
	old := r.decls[d.Name]
	if old == nil {
		r.order = append(r.order, d.Name)
	}
	r.decls[d.Name] = d
	return old != nil && (old.Kind == "func" || old.Kind == "var" || old.Kind == "const")
}

// dependants returns the funcs and methods that mention a changed name,
// transitively, except those in skip.
func (r *registry) dependants(changed []string, skip map[string]bool) (funcs, methods []*compiler.Decl) {
	dirty := map[string]bool{}
	for _, n := range changed {
		dirty[n] = true
	}
	seen := map[string]bool{}
	for again := true; again; {
		again = false
		for _, n := range r.order {
			d := r.decls[n]
			if seen[n] || skip[n] || (d.Kind != "func" && d.Kind != "method") || d.Src == "" {
				continue
			}
			for ref := range d.Refs {
				if dirty[ref] {
					seen[n], again = true, true
					if d.Kind == "func" {
						dirty[n] = true
						funcs = append(funcs, d)
					} else {
						methods = append(methods, d)
					}
					break
				}
			}
		}
	}
	return funcs, methods
}

// define records the declarations of a step and, when some replace
// earlier ones, recompiles what depends on them.
func (r *runner) define(decls []*compiler.Decl) {
	r.s.forgetCompiled()
	var changed []string
	skip := map[string]bool{}
	for _, d := range decls {
		if d.Kind == "var" && d.Type == "" {
			d.Type = r.s.TypeOf(d.Name)
		}
		if d.Kind == "method" {
			r.s.noteMethod(d.Name)
		}
		if r.s.reg.define(d) {
			changed = append(changed, d.Name)
		}
		skip[d.Name] = true
	}
	if len(changed) == 0 {
		return
	}
	deps, methods := r.s.reg.dependants(changed, skip)
	if funcs := deps; len(funcs) > 0 {
		// The new funcs must see the recompiled ones too (mutual recursion).
		for _, d := range decls {
			if d.Kind == "func" {
				funcs = append(funcs, d)
			}
		}
		var b strings.Builder
		b.WriteString("package main\n")
		for _, f := range funcs {
			b.WriteString(f.Src + "\n")
		}
		if _, err := r.eval(b.String()); err != nil {
			r.warn(deps, changed, err)
		}
	}
	for _, m := range methods {
		if _, err := r.eval(m.Src); err != nil {
			r.warn([]*compiler.Decl{m}, changed, err)
		}
	}
}

// warn tells the user that functions using a redefined name could not be
// updated.
func (r *runner) warn(ds []*compiler.Decl, changed []string, err error) {
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	msg := err.Error()
	if ce, ok := err.(*compiler.Error); ok {
		msg = ce.Msg
	}
	_, _ = r.s.stderr.WriteString("warning: " + strings.Join(names, ", ") + " still use the old " + strings.Join(changed, ", ") +
		": recompiling them failed: " + msg + "\n")
}

// noteMethod records that some type has the method Type.Method.
func (s *Session) noteMethod(key string) {
	m := key[strings.LastIndex(key, ".")+1:]
	for _, dm := range displayMethods {
		if dm.method == m {
			s.display[m] = true
		}
	}
}

// InstallNative swaps in the compiled functions of a plugin (the native
// tier, package native): yaegi gets the plugin's package, the functions
// are declared again as calls of their compiled versions, and the
// functions that use them are compiled again, as for a redefinition. The
// registry keeps their cells' source.
func (s *Session) InstallNative(in *native.Install) error {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	if !in.Current() {
		return nil
	}
	if err := in.Adapt(s.funcType); err != nil {
		return err
	}
	if err := s.yi.Use(interp.Exports{in.Path + "/" + in.Path[strings.LastIndex(in.Path, "/")+1:]: in.Values}); err != nil {
		return err
	}
	return s.redeclare(in.Src, in.Funcs)
}

// funcType returns the interpreter's type of the function name (its
// parameters' types are the ones the interpreter passes).
func (s *Session) funcType(name string) (t reflect.Type, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = nil, false
		}
	}()
	v, err := s.yi.Eval(name)
	if err != nil || !v.IsValid() || v.Kind() != reflect.Func {
		return nil, false
	}
	return v.Type(), true
}

// Reinterpret declares the funcs names again from their cells' source.
func (s *Session) Reinterpret(names []string) error {
	s.execMu.Lock()
	defer s.execMu.Unlock()
	var b strings.Builder
	b.WriteString("package main\n")
	for _, n := range names {
		if d := s.reg.lookup(n); d != nil && d.Kind == "func" && d.Src != "" {
			b.WriteString(d.Src + "\n")
		}
	}
	return s.redeclare(b.String(), names)
}

// redeclare evaluates src, which declares the funcs names again, with the
// funcs that use them; then the methods that use them.
func (s *Session) redeclare(src string, names []string) error {
	s.forgetCompiled()
	skip := map[string]bool{}
	for _, n := range names {
		skip[n] = true
	}
	funcs, methods := s.reg.dependants(names, skip)
	var b strings.Builder
	b.WriteString(src)
	for _, d := range funcs {
		b.WriteString("\n" + d.Src + "\n")
	}
	if _, err := s.eval(context.Background(), b.String()); err != nil {
		return err
	}
	for _, m := range methods {
		if _, err := s.eval(context.Background(), m.Src); err != nil {
			return err
		}
	}
	return nil
}

// NativeReplays returns how to install the session's compiled functions
// in another process of the worker program (package native's Replay):
// gokernel/proc children run them compiled too.
func (s *Session) NativeReplays() []native.Replay { return s.tier.Replays() }

// Native runs the %native magic (package native): the compiled functions
// and why the others stay interpreted; "on" or "off" switches tier-up.
func (s *Session) Native(args string) (string, error) {
	if s.tier == nil {
		return "Native tier: not enabled in this session (every function runs interpreted).\n", nil
	}
	out, err := s.tier.Command(args)
	out = interpvalue.RenameInstances(out) // instances of generics by Go's names
	if err == nil && strings.TrimSpace(args) == "" {
		out += modulePlugins()
	}
	return out, err
}
