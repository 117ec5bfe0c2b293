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

// ErrNotNeeded is the error of Call, Encode and Decode for a value the
// encoder or decoder needs no shadow of.
var ErrNotNeeded = errors.New("no method of the cells' types is called")

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
			return "", ErrNotNeeded
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
	return "", ErrNotNeeded
}

// compiled reports whether t is a named type of a compiled package, which
// encoding/json sees as Go does.
func compiled(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() != "main"
}

// promotes reports whether st embeds a struct (or a pointer to one)
// without a JSON name: encoding/json promotes its fields, which it does
// not see in yaegi's struct types.
func promotes(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		t := f.Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		if _, ok := t.Underlying().(*types.Struct); ok && name == "" && reflect.StructTag(st.Tag(i)).Get("json") != "-" {
			return true
		}
	}
	return false
}
