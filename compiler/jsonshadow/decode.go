package jsonshadow

import (
	"fmt"
	"go/types"
	"strings"
)

// NeedsDecode reports whether the decoder, decoding into a value of type
// t, may call UnmarshalJSON or UnmarshalText of a type of the cells.
func NeedsDecode(t types.Type) bool { return needsDec(t, map[types.Type]bool{}) }

func needsDec(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] || compiled(t) || isTypeParam(t) {
		return false
	}
	seen[t] = true
	if m := methodsOf(t); m.unJSON || m.unText {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return needsDec(u.Elem(), seen)
	case *types.Slice:
		return needsDec(u.Elem(), seen)
	case *types.Array:
		return needsDec(u.Elem(), seen)
	case *types.Map:
		return methodsOf(u.Key()).unText || needsDec(u.Elem(), seen)
	case *types.Struct:
		if promotes(u) {
			return true
		}
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); (f.Exported() || f.Embedded()) && needsDec(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}

// decoder writes the shadow of a decoding.
type decoder struct {
	*writer
	shadows map[types.Type]string // shadow types written
	stack   []types.Type          // named types being written
	regs    []string              // registrations of shadow struct types
	texts   map[string]bool       // the types whose UnmarshalText a hook stands for
}

// Decode returns an expression of type error that decodes into *x (x is
// source, of type *t) with call, which writes the call of the decoder
// given the source of a pointer to the shadow. It fails with a reason if
// the shadow cannot be written, with ErrNotNeeded if t needs none.
func Decode(env Env, t types.Type, x string, call func(ptr string) string) (string, error) {
	if !NeedsDecode(t) {
		return "", ErrNotNeeded
	}
	d := &decoder{writer: &writer{env: env}, shadows: map[types.Type]string{}, texts: map[string]bool{}}
	S := d.shadow(t)
	T := d.ts(t)
	fill, back := d.fill(t), d.back(t)
	if holdsItself(t) {
		S, fill, back = d.expand(t), d.fillX(t), d.backX(t)
	}
	if d.err != nil {
		return "", d.err
	}
	text := ""
	if len(d.texts) == 1 {
		for name := range d.texts {
			text = name
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func(__gkp *%s) error {\n%s\n%s\n%s\n", T, strings.Join(d.decls, "\n"), strings.Join(d.funcs, "\n"), strings.Join(d.regs, "\n"))
	fmt.Fprintf(&b, "if __gkp == nil {\nreturn %s\n}\nvar __gks %s\n", call("__gkp"), S)
	if fill != "" {
		fmt.Fprintf(&b, "%s(&__gks, __gkp)\n", fill)
	}
	fmt.Fprintf(&b, "__gkerr := %s\nif %s(__gkerr) {\nreturn __gkerr\n}\n", call("&__gks"), d.rt("JSONUndecoded"))
	fmt.Fprintf(&b, "if err := %s(__gkp, &__gks); err != nil {\nreturn %s(err)\n}\nreturn %s(__gkerr, &__gks, %q)\n}(%s)", back, d.rt("JSONFinish"), d.rt("JSONShadowError"), text, x)
	return b.String(), nil
}

// shadow writes the type the decoder decodes into for t: a hook for a
// type with a method, JSONRaw for a type that holds itself (decoded by a
// function of its own, see rec), else expand's.
func (d *decoder) shadow(t types.Type) string {
	m := methodsOf(t)
	switch {
	case !NeedsDecode(t):
		return d.ts(t)
	case m.unJSON:
		return d.rt("JSONRaw")
	case m.unText:
		d.texts[typeName(t)] = true
		return d.rt("JSONRawText")
	case holdsItself(t):
		return d.rt("JSONRaw")
	}
	return d.expand(t)
}

// holdsItself reports whether t, a named type, holds values of itself
// (a tree), through values the decoder may call a method in.
func holdsItself(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return false
	}
	var in func(u types.Type, seen map[types.Type]bool) bool
	in = func(u types.Type, seen map[types.Type]bool) bool {
		if seen[u] || !NeedsDecode(u) || isHook(u) {
			return false
		}
		seen[u] = true
		switch u := u.Underlying().(type) {
		case *types.Pointer:
			return types.Identical(u.Elem(), t) || in(u.Elem(), seen)
		case *types.Slice:
			return types.Identical(u.Elem(), t) || in(u.Elem(), seen)
		case *types.Array:
			return types.Identical(u.Elem(), t) || in(u.Elem(), seen)
		case *types.Map:
			return types.Identical(u.Elem(), t) || in(u.Elem(), seen)
		case *types.Struct:
			for i := 0; i < u.NumFields(); i++ {
				if f := u.Field(i); types.Identical(f.Type(), t) || in(f.Type(), seen) {
					return true
				}
			}
		}
		return false
	}
	return in(t, map[types.Type]bool{})
}

// expand writes the shadow of t's own structure.
func (d *decoder) expand(t types.Type) string {
	if s, ok := d.shadows[t]; ok {
		return s
	}
	var s string
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		s = "*" + d.shadow(u.Elem())
	case *types.Slice:
		s = "[]" + d.shadow(u.Elem())
	case *types.Array:
		s = fmt.Sprintf("[%d]%s", u.Len(), d.shadow(u.Elem()))
	case *types.Map:
		k := "string"
		if !methodsOf(u.Key()).unText {
			k = d.ts(u.Key())
		}
		s = "map[" + k + "]" + d.shadow(u.Elem())
	case *types.Struct:
		fs, err := fields(u)
		if err != nil {
			d.fail("%v", err)
			return "any"
		}
		var b strings.Builder
		b.WriteString("struct {\n")
		for _, f := range fs {
			ptr := ""
			if len(f.ptrs) > 0 {
				ptr = "*" // behind an embedded pointer: nil if not decoded
			}
			fmt.Fprintf(&b, "%s %s%s%s\n", f.shadowName, ptr, d.shadow(f.typ), tagLit(f.tag))
		}
		b.WriteString("}")
		s = b.String()
		if _, ok := cellNamed(t); ok {
			d.regs = append(d.regs, fmt.Sprintf("_ = %s(%q, (*%s)(nil))", d.rt("JSONShadow"), typeName(t), s))
		}
	default:
		s = d.ts(t)
	}
	d.shadows[t] = s
	return s
}

// rec returns the name of a function func(b []byte, p *T) error that
// decodes b into *p for t, a type that holds itself: its values inside
// are JSONRaw in the shadow, decoded when copied back.
func (d *decoder) rec(t types.Type) string {
	name, isNew := d.lookup(t, "__gkr")
	if !isNew {
		return name
	}
	T := d.ts(t)
	d.decls = append(d.decls, fmt.Sprintf("var %s func(b []byte, p *%s) error", name, T))
	S, fill, back := d.expand(t), d.fillX(t), d.backX(t)
	d.funcs = append(d.funcs, fmt.Sprintf("%s = func(b []byte, p *%s) error {\nvar s %s\n%s(&s, p)\nerr := %s(b, &s)\nif %s(err) {\nreturn err\n}\nif err := %s(p, &s); err != nil {\nreturn err\n}\nreturn %s(err, &s, \"\")\n}",
		name, T, S, fill, d.rt("JSONUnmarshal"), d.rt("JSONUndecoded"), back, d.rt("JSONShadowError")))
	return name
}

// isHook reports whether the decoder gives t's value to a hook.
func isHook(t types.Type) bool {
	m := methodsOf(t)
	return m.unJSON || m.unText
}

// fill returns the name of a function func(s *S, p *T) that sets the
// shadow *s from *p (decoding merges into values), or "" if there is
// nothing to set (a hook).
func (d *decoder) fill(t types.Type) string {
	if isHook(t) || holdsItself(t) {
		return ""
	}
	return d.fillX(t)
}

// fillX is fill of t's own structure.
func (d *decoder) fillX(t types.Type) string {
	name, isNew := d.lookup(t, "__gkf")
	if !isNew {
		return name
	}
	S, T := d.expand(t), d.ts(t)
	d.decls = append(d.decls, fmt.Sprintf("var %s func(s *%s, p *%s)", name, S, T))
	var b strings.Builder
	set := func(to, from string, t types.Type) {
		switch {
		case !NeedsDecode(t):
			fmt.Fprintf(&b, "%s = %s\n", to, from)
		case d.fill(t) != "":
			fmt.Fprintf(&b, "%s(&%s, &%s)\n", d.fill(t), to, from)
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		fmt.Fprintf(&b, "if *p != nil {\n*s = new(%s)\n", d.shadow(u.Elem()))
		if f := d.fill(u.Elem()); f != "" {
			fmt.Fprintf(&b, "%s(*s, *p)\n", f)
		}
		b.WriteString("}\n")
	case *types.Slice:
		fmt.Fprintf(&b, "if *p != nil {\n*s = make(%s, len(*p))\nfor i := 0; i < len(*p); i++ {\n", S)
		set("(*s)[i]", "(*p)[i]", u.Elem())
		b.WriteString("}\n}\n")
	case *types.Array:
		b.WriteString("for i := 0; i < len(*p); i++ {\n")
		set("(*s)[i]", "(*p)[i]", u.Elem())
		b.WriteString("}\n")
	case *types.Map:
		fmt.Fprintf(&b, "if *p != nil {\n*s = make(%s)\n}\n", S)
	case *types.Struct:
		fs, _ := fields(u)
		for _, f := range fs {
			if nilPath := f.nilPath(); nilPath != "" {
				fmt.Fprintf(&b, "if !(%s) {\ns.%s = new(%s)\n", nilPath, f.shadowName, d.shadow(f.typ))
				set("(*s."+f.shadowName+")", "p."+f.name, f.typ)
				b.WriteString("}\n")
				continue
			}
			set("s."+f.shadowName, "p."+f.name, f.typ)
		}
	}
	d.funcs = append(d.funcs, fmt.Sprintf("%s = func(s *%s, p *%s) {\n%s}", name, S, T, b.String()))
	return name
}

// back returns the name of a function func(p *T, s *S) error that sets *p
// from the decoded shadow *s, calling the cells' methods with what the
// hooks kept, and returns the first error of a method.
func (d *decoder) back(t types.Type) string {
	if !isHook(t) && holdsItself(t) {
		name, isNew := d.lookup(t, "__gkbr")
		if isNew {
			T := d.ts(t)
			d.decls = append(d.decls, fmt.Sprintf("var %s func(p *%s, s *%s) error", name, T, d.rt("JSONRaw")))
			d.funcs = append(d.funcs, fmt.Sprintf("%s = func(p *%s, s *%s) error {\nif b, ok := s.Raw(); ok {\nreturn %s(b, p)\n}\nreturn nil\n}", name, T, d.rt("JSONRaw"), d.rec(t)))
		}
		return name
	}
	return d.backX(t)
}

// backX is back of t's own structure (or its method).
func (d *decoder) backX(t types.Type) string {
	name, isNew := d.lookup(t, "__gkb")
	if !isNew {
		return name
	}
	T, S := d.ts(t), ""
	if isHook(t) {
		S = d.shadow(t)
	} else {
		S = d.expand(t)
	}
	d.decls = append(d.decls, fmt.Sprintf("var %s func(p *%s, s *%s) error", name, T, S))
	var b strings.Builder
	set := func(to, from string, t types.Type) {
		if !NeedsDecode(t) {
			fmt.Fprintf(&b, "%s = %s\n", to, from)
			return
		}
		fmt.Fprintf(&b, "if err := %s(&%s, &%s); err != nil {\nreturn err\n}\n", d.back(t), to, from)
	}
	m := methodsOf(t)
	switch u := t.Underlying().(type) {
	case nil:
	default:
		if m.unJSON || m.unText {
			method := "UnmarshalJSON"
			if !m.unJSON {
				method = "UnmarshalText"
			}
			fmt.Fprintf(&b, "if b, ok := s.Raw(); ok {\nreturn p.%s(b)\n}\n", method)
			break
		}
		switch u := u.(type) {
		case *types.Pointer:
			fmt.Fprintf(&b, "if *s == nil {\n*p = nil\nreturn nil\n}\nif *p == nil {\n*p = new(%s)\n}\nreturn %s(*p, *s)\n", d.ts(u.Elem()), d.back(u.Elem()))
		case *types.Slice:
			fmt.Fprintf(&b, "if *s == nil {\n*p = nil\nreturn nil\n}\nif len(*s) == 0 {\n*p = make(%s, 0)\nreturn nil\n}\n", T)
			fmt.Fprintf(&b, "if len(*s) > cap(*p) {\nn := make(%s, len(*s))\ncopy(n, *p)\n*p = n\n} else {\n*p = (*p)[:len(*s)]\n}\nfor i := 0; i < len(*s); i++ {\n", T)
			set("(*p)[i]", "(*s)[i]", u.Elem())
			b.WriteString("}\n")
		case *types.Array:
			b.WriteString("for i := 0; i < len(*s); i++ {\n")
			set("(*p)[i]", "(*s)[i]", u.Elem())
			b.WriteString("}\n")
		case *types.Map:
			fmt.Fprintf(&b, "if *s == nil {\n*p = nil\nreturn nil\n}\nif *p == nil {\n*p = make(%s)\n}\n", T)
			k := "string"
			textKey := methodsOf(u.Key()).unText
			if !textKey {
				k = d.ts(u.Key())
			}
			fmt.Fprintf(&b, "for k, sv := range *s {\nif err := func(k %s, sv %s) error {\n", k, d.shadow(u.Elem()))
			if textKey {
				fmt.Fprintf(&b, "var kk %s\nif err := kk.UnmarshalText([]byte(k)); err != nil {\nreturn err\n}\n", d.ts(u.Key()))
			} else {
				b.WriteString("kk := k\n")
			}
			fmt.Fprintf(&b, "var v %s\n", d.ts(u.Elem()))
			set("v", "sv", u.Elem())
			b.WriteString("(*p)[kk] = v\nreturn nil\n}(k, sv); err != nil {\nreturn err\n}\n}\n")
		case *types.Struct:
			// an UnmarshalTypeError of a method gets the struct and field,
			// as the decoder's addErrorContext gives it
			structName := ""
			if n, ok := types.Unalias(t).(*types.Named); ok {
				structName = n.Obj().Name()
			}
			fs, _ := fields(u)
			for _, f := range fs {
				from := "s." + f.shadowName
				if len(f.ptrs) > 0 {
					// decoded: the embedded pointers on its path are made
					from = "(*" + from + ")"
					fmt.Fprintf(&b, "if s.%s != nil {\n", f.shadowName)
					for i, ptr := range f.ptrs {
						fmt.Fprintf(&b, "if p.%s == nil {\np.%s = new(%s)\n}\n", ptr, ptr, d.ts(f.ptrElems[i]))
					}
				}
				if !NeedsDecode(f.typ) {
					fmt.Fprintf(&b, "p.%s = %s\n", f.name, from)
				} else {
					fmt.Fprintf(&b, "if err := %s(&p.%s, &%s); err != nil {\nreturn %s(err, %q, %q)\n}\n", d.back(f.typ), f.name, from, d.rt("JSONContext"), structName, f.json)
				}
				if len(f.ptrs) > 0 {
					b.WriteString("}\n")
				}
			}
		}
	}
	b.WriteString("return nil\n")
	d.funcs = append(d.funcs, fmt.Sprintf("%s = func(p *%s, s *%s) error {\n%s}", name, T, S, b.String()))
	return name
}
