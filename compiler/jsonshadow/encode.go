package jsonshadow

import (
	"fmt"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// NeedsEncode reports whether the encoder, given a value of static type t,
// may reach a value whose type has MarshalJSON or MarshalText (a value
// held in an interface: one of the types of scope).
func NeedsEncode(t types.Type, scope *types.Scope) bool {
	return needsEnc(t, scope, map[types.Type]bool{}, true)
}

// needsEnc is NeedsEncode; ifaces says whether interfaces are looked into.
func needsEnc(t types.Type, scope *types.Scope, seen map[types.Type]bool, ifaces bool) bool {
	if t == nil || seen[t] || compiled(t) || isTypeParam(t) {
		return false // a type parameter: what it is instantiated with is not known here
	}
	seen[t] = true
	if m := methodsOf(t); m.ptrJSON || m.ptrText {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return needsEnc(u.Elem(), scope, seen, ifaces)
	case *types.Slice:
		return needsEnc(u.Elem(), scope, seen, ifaces)
	case *types.Array:
		return needsEnc(u.Elem(), scope, seen, ifaces)
	case *types.Map:
		return textKey(u.Key()) || needsEnc(u.Elem(), scope, seen, ifaces)
	case *types.Struct:
		if promotes(u) {
			return true
		}
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); (f.Exported() || f.Embedded()) && needsEnc(f.Type(), scope, seen, ifaces) {
				return true
			}
		}
	case *types.Interface:
		return ifaces && len(candidates(u, scope)) > 0
	}
	return false
}

// textKey reports whether the encoder writes a map key of type k with its
// MarshalText (a method of the cells, on a key not of a string kind).
func textKey(k types.Type) bool {
	b, isBasic := k.Underlying().(*types.Basic)
	return methodsOf(k).text && !(isBasic && b.Info()&types.IsString != 0)
}

// candidates returns the types of the cells in scope, and pointers to
// them, that implement it and need a shadow: the cases of a type switch
// on a value held in an interface.
func candidates(it *types.Interface, scope *types.Scope) []types.Type {
	if scope == nil {
		return nil
	}
	var out []types.Type
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) || !needsEnc(n, scope, map[types.Type]bool{}, false) {
			continue
		}
		if types.Implements(n, it) {
			out = append(out, n)
		}
		if p := types.NewPointer(n); types.Implements(p, it) {
			out = append(out, p)
		}
	}
	return out
}

// Encode returns an expression of type any: the shadow to give the
// encoder for the value of x (source), of static type t. It fails with a
// reason if the shadow cannot be written, with ErrNotNeeded if the value
// needs none.
func Encode(env Env, t types.Type, x string) (string, error) {
	if !NeedsEncode(t, env.Scope) {
		return "", ErrNotNeeded
	}
	w := &writer{env: env}
	top := w.enc(t)
	T := w.ts(t)
	if w.err != nil {
		return "", w.err
	}
	return fmt.Sprintf("%s(func(__gkv %s) any {\nvar __gkdepth int\nvar __gkseen map[any]bool\n_, _ = __gkdepth, __gkseen\n%s\n%s\nreturn %s(&__gkv, false)\n}(%s))",
		w.rt("Bare"), T, strings.Join(w.decls, "\n"), strings.Join(w.funcs, "\n"), top, x), nil
}

// enc returns the name of the function func(p *T, addr bool) any that
// returns the shadow of *p, a value of type t (addressable or not, as
// encoding/json sees it), writing it if it is new.
func (w *writer) enc(t types.Type) string {
	name, isNew := w.lookup(t, "__gke")
	if !isNew {
		return name
	}
	T := w.ts(t)
	w.decls = append(w.decls, fmt.Sprintf("var %s func(p *%s, addr bool) any", name, T))
	body := w.encBody(t)
	w.funcs = append(w.funcs, fmt.Sprintf("%s = func(p *%s, addr bool) any {\n%s\n}", name, T, body))
	return name
}

// hook writes the hook of a MarshalJSON (or MarshalText, text) of the
// value recv (source) whose type Go's errors name typ.
func (w *writer) hook(text bool, typ, recv string) string {
	if text {
		return fmt.Sprintf("%s(%q, func() ([]byte, error) { return %s.MarshalText() })", w.rt("NewJSONTextHook"), typ, recv)
	}
	return fmt.Sprintf("%s(%q, func() ([]byte, error) { return %s.MarshalJSON() })", w.rt("NewJSONHook"), typ, recv)
}

// encBody writes the body of enc's function for t, following
// encoding/json's newTypeEncoder: a method on the pointer is called on an
// addressable value only (and then Go's errors name the pointer type).
func (w *writer) encBody(t types.Type) string {
	var b strings.Builder
	m := methodsOf(t)
	name := typeName(t)
	if m.ptrJSON {
		fmt.Fprintf(&b, "if addr {\nreturn %s\n}\n", w.hook(false, "*"+name, "p"))
	}
	if m.json {
		fmt.Fprintf(&b, "c := *p\nreturn %s", w.hook(false, name, "c"))
		return b.String()
	}
	if m.ptrText {
		fmt.Fprintf(&b, "if addr {\nreturn %s\n}\n", w.hook(true, "*"+name, "p"))
	}
	if m.text {
		fmt.Fprintf(&b, "c := *p\nreturn %s", w.hook(true, name, "c"))
		return b.String()
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		b.WriteString("if *p == nil {\nreturn nil\n}\n")
		if em := methodsOf(u.Elem()); em.ptrJSON || em.ptrText {
			fmt.Fprintf(&b, "q := *p\nreturn %s", w.hook(!em.ptrJSON, typeName(t), "q"))
			break
		}
		e := w.enc(u.Elem())
		fmt.Fprintf(&b, "__gkdepth++\nif __gkdepth > 1000 {\nif __gkseen == nil {\n__gkseen = map[any]bool{}\n}\nif __gkseen[*p] {\n__gkdepth--\nreturn %s(%q)\n}\n__gkseen[*p] = true\nr := %s(*p, true)\ndelete(__gkseen, *p)\n__gkdepth--\nreturn r\n}\nr := %s(*p, true)\n__gkdepth--\nreturn r",
			w.rt("JSONCycle"), typeName(t), e, e)
	case *types.Slice:
		e := w.enc(u.Elem())
		fmt.Fprintf(&b, "if *p == nil {\nreturn nil\n}\nr := make([]any, len(*p))\nfor i := 0; i < len(*p); i++ {\nr[i] = %s(&(*p)[i], true)\n}\nreturn r", e)
	case *types.Array:
		e := w.enc(u.Elem())
		fmt.Fprintf(&b, "r := make([]any, len(*p))\nfor i := 0; i < len(*p); i++ {\nr[i] = %s(&(*p)[i], addr)\n}\nreturn r", e)
	case *types.Map:
		b.WriteString("if *p == nil {\nreturn nil\n}\nr := make(map[string]any, len(*p))\nfor k, v := range *p {\n")
		if textKey(u.Key()) {
			fmt.Fprintf(&b, "kb, kerr := k.MarshalText()\nif kerr != nil {\nreturn %s(%q, kerr)\n}\nks := string(kb)\n", w.rt("JSONKeyError"), typeName(t))
		} else {
			fmt.Fprintf(&b, "ks := %s(&k)\n", w.rt("JSONKey"))
		}
		if NeedsEncode(u.Elem(), w.env.Scope) {
			fmt.Fprintf(&b, "r[ks] = %s(&v, false)\n}\nreturn r", w.enc(u.Elem()))
		} else {
			b.WriteString("r[ks] = v\n}\nreturn r")
		}
	case *types.Struct:
		w.encStruct(&b, u)
	case *types.Interface:
		for _, c := range candidates(u, w.env.Scope) {
			assert := ""
			if w.env.Assert != nil {
				assert = w.env.Assert("(*p)", t, c)
			}
			if assert == "" {
				assert = "(*p).(" + w.ts(c) + ")"
			}
			fmt.Fprintf(&b, "if x, ok := %s; ok {\nreturn %s(&x, false)\n}\n", assert, w.enc(c))
		}
		for _, c := range composites(u, w.env.Scope) {
			// yaegi holds a []Tag in an interface as a bare []string: the
			// kernel marked it where it became an interface value (Mark)
			cond := fmt.Sprintf("%s(p) == %q", w.rt("JSONMarked"), typeName(c))
			if isStructElem(c) {
				cond = "true" // its struct type tells it
			}
			fmt.Fprintf(&b, "if %s {\nif x, ok := (*p).(%s); ok {\nreturn %s(&x, false)\n}\n}\n", cond, w.ts(c), w.enc(c))
		}
		if u.Empty() {
			// the containers of literals of any: []any{...}, map[string]any{...}
			anyT := types.Universe.Lookup("any").Type()
			fmt.Fprintf(&b, "if x, ok := (*p).([]any); ok {\nreturn %s(&x, false)\n}\n", w.enc(types.NewSlice(anyT)))
			fmt.Fprintf(&b, "if x, ok := (*p).(map[string]any); ok {\nreturn %s(&x, false)\n}\n", w.enc(types.NewMap(types.Typ[types.String], anyT)))
		}
		b.WriteString("return *p")
	default:
		b.WriteString("return *p")
	}
	return b.String()
}

// encStruct writes the shadow of a struct: its fields that need one are
// of type any, set when the field is not omitted (omitempty, omitzero).
func (w *writer) encStruct(b *strings.Builder, st *types.Struct) {
	fs, err := fields(st)
	if err != nil {
		w.fail("%v", err)
		return
	}
	b.WriteString("r := struct {\n")
	shadowed := make([]bool, len(fs))
	for i, f := range fs {
		shadowed[i] = NeedsEncode(f.typ, w.env.Scope)
		typ, tag := "any", f.tag
		if !shadowed[i] && len(f.ptrs) == 0 {
			typ = w.ts(f.typ)
		}
		if len(f.ptrs) > 0 && !f.omitEmpty {
			// behind a nil embedded pointer the field is not encoded
			tag = `json:` + strconv.Quote(reflect.StructTag(tag).Get("json")+",omitempty")
		}
		fmt.Fprintf(b, "%s %s%s\n", f.shadowName, typ, tagLit(tag))
	}
	b.WriteString("}{}\n")
	for i, f := range fs {
		code := w.encField(f, shadowed[i])
		if nilPath := f.nilPath(); nilPath != "" {
			code = fmt.Sprintf("if !(%s) {\n%s}\n", nilPath, code) // omitted behind a nil pointer
		}
		b.WriteString(code)
	}
	b.WriteString("return r")
}

// zero writes the test of omitzero for the field f of *p: its IsZero
// method if it has one (encoding/json's isZeroer), else the zero value.
func (w *writer) zero(f jsonField) string {
	isZero := func(t types.Type) bool {
		ms := types.NewMethodSet(t)
		for i := 0; i < ms.Len(); i++ {
			fn, ok := ms.At(i).Obj().(*types.Func)
			if !ok || fn.Name() != "IsZero" {
				continue
			}
			sig := fn.Type().(*types.Signature)
			if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
				return true
			}
		}
		return false
	}
	switch {
	case types.IsInterface(f.typ) && isZero(f.typ), isPointer(f.typ) && isZero(f.typ):
		return fmt.Sprintf("p.%s == nil || p.%s.IsZero()", f.name, f.name)
	case isZero(f.typ), isZero(types.NewPointer(f.typ)):
		return fmt.Sprintf("p.%s.IsZero()", f.name)
	}
	return fmt.Sprintf("%s(&p.%s)", w.rt("JSONZero"), f.name)
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// composites returns the slices and maps of the types candidates
// returns that implement it (an empty interface): []Tag, map[string]Tag.
func composites(it *types.Interface, scope *types.Scope) []types.Type {
	if !it.Empty() {
		return nil
	}
	var out []types.Type
	for _, c := range candidates(it, scope) {
		if isPointer(c) {
			continue
		}
		out = append(out, types.NewSlice(c), types.NewMap(types.Typ[types.String], c))
	}
	return out
}

// isStructElem reports whether the elements of c, a slice or map, are of
// a struct type, which yaegi's reflect type of c tells.
func isStructElem(c types.Type) bool {
	var e types.Type
	switch u := c.(type) {
	case *types.Slice:
		e = u.Elem()
	case *types.Map:
		e = u.Elem()
	}
	_, ok := e.Underlying().(*types.Struct)
	return ok
}

// Mark returns the name under which a value of type t is marked where it
// becomes an interface value (interpvalue.JSONMark), "" if it needs none:
// t is a slice or map of a type whose values the encoder calls a method
// of, which yaegi holds in an interface without its type.
func Mark(t types.Type) string {
	var e types.Type
	switch u := types.Unalias(t).(type) {
	case *types.Slice:
		e = u.Elem()
	case *types.Map:
		e = u.Elem()
	default:
		return ""
	}
	if types.IsInterface(e) || !needsEnc(e, nil, map[types.Type]bool{}, false) {
		return ""
	}
	return typeName(t)
}

// encField writes the setting of the field f of the shadow r from p.
func (w *writer) encField(f jsonField, shadowed bool) string {
	if !shadowed && len(f.ptrs) > 0 && types.IsInterface(f.typ) {
		// an any field, nil: null, not omitted
		return fmt.Sprintf("if p.%s == nil {\nr.%s = %s()\n} else {\nr.%s = p.%s\n}\n", f.name, f.shadowName, w.rt("JSONNull"), f.shadowName, f.name)
	}
	if !shadowed && (len(f.ptrs) == 0 || !f.omitEmpty && !f.omitZ) {
		return fmt.Sprintf("r.%s = p.%s\n", f.shadowName, f.name)
	}
	var omit []string
	if f.omitEmpty {
		omit = append(omit, fmt.Sprintf("%s(&p.%s)", w.rt("JSONEmpty"), f.name))
	}
	if f.omitZ {
		omit = append(omit, w.zero(f))
	}
	set := fmt.Sprintf("r.%s = p.%s\n", f.shadowName, f.name)
	if shadowed {
		addr := "addr"
		if len(f.ptrs) > 0 {
			addr = "true" // behind a pointer
		}
		set = fmt.Sprintf("r.%s = %s(&p.%s, %s)\n", f.shadowName, w.enc(f.typ), f.name, addr)
	}
	if len(omit) > 0 {
		set = fmt.Sprintf("if !(%s) {\n%s}\n", strings.Join(omit, " || "), set)
	}
	return set
}

// isTypeParam reports whether t is a type parameter.
func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}
