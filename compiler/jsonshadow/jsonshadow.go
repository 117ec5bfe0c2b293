// Package jsonshadow writes the Go source with which encoding/json calls
// the methods of the cells' types (MarshalJSON, MarshalText,
// UnmarshalJSON, UnmarshalText) in the interpreter, where compiled code
// does not see those methods.
//
// The encoder is given a shadow of the value, built by interpreted code
// from the value's static type: each value whose type has one of those
// methods is replaced by a compiled hook (interpvalue.JSONHook) that calls
// the method when the encoder reaches it, in the encoder's order; the
// structs, slices, maps and pointers around them are copied with the same
// field names, tags and emptiness. The decoder decodes into a shadow whose
// hooks keep what they are given (interpvalue.JSONRaw); the shadow is
// filled from the value first (decoding merges into it), and copied back
// after, calling the methods. The rules of encoding/json that depend on
// the type (a pointer method only on addressable values, omitempty,
// omitzero and IsZero, map keys) are decided here from the static type.
//
// The package writes source only; it does not link the interpreter.
package jsonshadow

import (
	"errors"
	"fmt"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// Env is what the writer needs of the cell.
type Env struct {
	// TypeString writes a type as the cell can write it, or "".
	TypeString func(types.Type) string
	// Runtime is the name of the kernel's runtime package in the cell.
	Runtime string
	// Scope is the session's package: its types are those a value held
	// in an interface may have.
	Scope *types.Scope
	// Assert writes x.(to) in its comma-ok form for x of type from, as
	// the cell compiler writes it for yaegi, or "" if yaegi's is right.
	Assert func(x string, from, to types.Type) string
}

// methods are the methods of encoding/json's interfaces a type has: in
// the method set of the type, or only in that of its pointer.
type methods struct {
	json, text       bool // MarshalJSON, MarshalText of T
	ptrJSON, ptrText bool // ... of *T
	unJSON, unText   bool // UnmarshalJSON, UnmarshalText of *T
}

// cellNamed returns t as a named type of the cells.
func cellNamed(t types.Type) (*types.Named, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	return n, ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// methodsOf returns the methods of t, a named type of the cells.
func methodsOf(t types.Type) methods {
	var m methods
	n, ok := cellNamed(t)
	if !ok || types.IsInterface(n) {
		return m
	}
	has := func(t types.Type, name string) bool {
		obj, _, _ := types.LookupFieldOrMethod(t, true, n.Obj().Pkg(), name)
		_, isFunc := obj.(*types.Func)
		return isFunc
	}
	vs := types.NewMethodSet(n)
	in := func(name string) bool { return vs.Lookup(n.Obj().Pkg(), name) != nil }
	ptr := types.NewPointer(n)
	m.json, m.text = in("MarshalJSON"), in("MarshalText")
	m.ptrJSON, m.ptrText = has(ptr, "MarshalJSON"), has(ptr, "MarshalText")
	m.unJSON, m.unText = has(ptr, "UnmarshalJSON"), has(ptr, "UnmarshalText")
	return m
}

// typeName is the name of t as Go's reflect writes it ("main.Level").
func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// jsonField is a field of a struct as encoding/json sees it: its name in
// the shadow, its type, its tag (as the shadow writes it) and options.
type jsonField struct {
	name             string // the field's name in the original
	shadowName       string
	typ              types.Type
	tag              string
	omitEmpty, omitZ bool
}

// fields returns the fields of st that encoding/json encodes and decodes
// (the embedded structs it would promote are refused before).
func fields(st *types.Struct) ([]jsonField, error) {
	var out []jsonField
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		jf := jsonField{name: f.Name(), shadowName: f.Name(), typ: f.Type(), tag: st.Tag(i)}
		for _, o := range strings.Split(opts, ",") {
			jf.omitEmpty = jf.omitEmpty || o == "omitempty"
			jf.omitZ = jf.omitZ || o == "omitzero"
		}
		if f.Embedded() {
			t := f.Type()
			if p, ok := t.Underlying().(*types.Pointer); ok {
				t = p.Elem()
			}
			_, isStruct := t.Underlying().(*types.Struct)
			if !f.Exported() && !isStruct {
				continue
			}
			if isStruct && name == "" {
				return nil, fmt.Errorf("the embedded field %s would promote its fields", f.Name())
			}
			if name == "" {
				name = f.Name()
			}
			jf.shadowName = fmt.Sprintf("GkEmbedded%d", i)
			if opts != "" {
				name += "," + opts
			}
			jf.tag = `json:` + strconv.Quote(name)
		} else if !f.Exported() {
			continue
		}
		out = append(out, jf)
	}
	return out, nil
}

// jsonName is the field's name in JSON.
func (f jsonField) jsonName() string {
	name, _, _ := strings.Cut(reflect.StructTag(f.tag).Get("json"), ",")
	if name == "" {
		return f.name
	}
	return name
}

// tagLit is a struct tag as Go source.
func tagLit(tag string) string {
	if tag == "" {
		return ""
	}
	return " " + strconv.Quote(tag)
}

// writer collects the functions of a shadow: one per type, by identity.
type writer struct {
	env   Env
	kind  string // "e" (encoder) or "d" (decoder)
	types []types.Type
	names []string
	decls []string // var declarations
	funcs []string // assignments of the functions
	err   error
}

// fail records the first reason the shadow cannot be written.
func (w *writer) fail(format string, args ...any) string {
	if w.err == nil {
		w.err = fmt.Errorf(format, args...)
	}
	return "nil"
}

// ts writes t as the cell writes it, or fails.
func (w *writer) ts(t types.Type) string {
	s := w.env.TypeString(t)
	if s == "" {
		w.fail("the type %s cannot be written in the cell", typeName(t))
		return "any"
	}
	return s
}

// lookup returns the name of the function for t and whether it is new.
func (w *writer) lookup(t types.Type, prefix string) (string, bool) {
	for i, u := range w.types {
		if types.Identical(t, u) && strings.TrimRight(w.names[i], "0123456789") == prefix {
			return w.names[i], false
		}
	}
	name := fmt.Sprintf("%s%d", prefix, len(w.names)+1)
	w.types = append(w.types, t)
	w.names = append(w.names, name)
	return name, true
}

// rt names a member of the runtime package.
func (w *writer) rt(name string) string { return w.env.Runtime + "." + name }

// errNotNeeded is returned for a type the encoder or decoder needs no
// shadow of.
var errNotNeeded = errors.New("no method of the cells' types is called")

// ErrNotNeeded is the error of Call for a value the encoder or decoder
// calls no method of the cells' types on.
var ErrNotNeeded = errNotNeeded

// Call writes a call of encoding/json's function or method name
// (Marshal, MarshalIndent, Unmarshal, Encoder.Encode, Decoder.Decode)
// whose value, args[i] of static type t, goes through a shadow. fun is
// the function as the cell writes it (json.Marshal), recv the encoder or
// decoder of a method; args are the call's arguments as source. It fails
// with ErrNotNeeded if no shadow is needed, with the reason if one cannot
// be written.
func Call(env Env, name string, t types.Type, fun, recv string, args []string, i int) (string, error) {
	switch name {
	case "Marshal", "MarshalIndent", "Encode":
		x, err := Encode(env, t, args[i])
		if err != nil {
			return "", err
		}
		args = append([]string(nil), args...)
		args[i] = x
		if name == "Encode" {
			return env.Runtime + ".FixMarshalError(" + recv + ".Encode(" + x + "))", nil
		}
		return fun + "(" + strings.Join(args, ", ") + ")", nil
	case "Unmarshal", "Decode":
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return "", errNotNeeded
		}
		call := func(ptr string) string { return recv + ".Decode(" + ptr + ")" }
		if name == "Unmarshal" {
			call = func(ptr string) string { return fun + "(__gkdata, " + ptr + ")" }
		}
		x, err := Decode(env, p.Elem(), args[i], call)
		if err != nil || name == "Decode" {
			return x, err
		}
		return "func(__gkdata []byte) error {\nreturn " + x + "\n}(" + args[0] + ")", nil
	}
	return "", errNotNeeded
}

// EmbeddedStruct returns the name of a struct type of the cells inside t
// that embeds a struct without a JSON name, and the embedded field, where
// the encoder (or the decoder) looks into the fields: not inside a type
// whose method it calls.
func EmbeddedStruct(t types.Type, decode bool) (string, string) {
	return embedded(t, decode, map[types.Type]bool{})
}

func embedded(t types.Type, decode bool, seen map[types.Type]bool) (string, string) {
	if t == nil || seen[t] {
		return "", ""
	}
	seen[t] = true
	if m := methodsOf(t); !decode && (m.ptrJSON || m.ptrText) || decode && (m.unJSON || m.unText) {
		return "", ""
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return embedded(u.Elem(), decode, seen)
	case *types.Slice:
		return embedded(u.Elem(), decode, seen)
	case *types.Array:
		return embedded(u.Elem(), decode, seen)
	case *types.Map:
		return embedded(u.Elem(), decode, seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			name, _, _ := strings.Cut(reflect.StructTag(u.Tag(i)).Get("json"), ",")
			ft := f.Type()
			if p, ok := ft.Underlying().(*types.Pointer); ok {
				ft = p.Elem()
			}
			if _, isStruct := ft.Underlying().(*types.Struct); f.Embedded() && isStruct && name == "" {
				if n, ok := cellNamed(t); ok {
					return "main." + n.Obj().Name(), f.Name()
				}
				return typeName(t), f.Name()
			}
			if owner, field := embedded(f.Type(), decode, seen); owner != "" {
				return owner, field
			}
		}
	}
	return "", ""
}
