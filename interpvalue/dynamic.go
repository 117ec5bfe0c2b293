// Package interpvalue reads the values the yaegi interpreter gives compiled
// code: the dynamic type of its interface values (yaegi keeps a value of a
// type of the cells in an interface in a valueInterface, a node and a
// value), the wrappers it makes to put such values in interfaces of
// compiled packages, and, for fmt, values of the cells' types with String
// or Error methods that print as Go prints them (Printer).
//
// It depends on yaegi's unexported representation (v0.16.1): the package
// name, valueInterface's fields and the categories of its types.
package interpvalue

import (
	"reflect"
	"regexp"
	"strings"
	"unsafe"
)

// cellTypeName matches the interpreter's name of a package-level type of the
// cells or a pointer to one, as %T writes it.
var cellTypeName = regexp.MustCompile(`^\*?main\.[\pL_][\pL\pN_]*$`)

// The categories of yaegi's types (its tcat) whose names %T never prints:
// nilT, errorT, interfaceT, valueT (a compiled type), genericT.
var notDynamic = map[uint64]bool{0: true, 13: true, 18: true, 37: true, 17: true}

// DynType is %T of *p, a variable of an interface type of the cells, when
// the interpreter knows its dynamic type is a named type of the cells (or
// a pointer to one), and "" otherwise: yaegi keeps such an interface value
// with the interpreter's type, whose name compiled code (fmt) does not see.
func DynType(p any) string { return RenameInstances(dynType(p)) }

// dynType is DynType with the interpreter's names of instance types.
func dynType(p any) string {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return ""
	}
	v = v.Elem()
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.IsValid() && v.CanInterface() {
		if name, ok := selfName(v.Interface()); ok {
			return name
		}
	}
	if name, ok := nilPointerName(v); ok {
		return name
	}
	if v.IsValid() && v.CanInterface() {
		if e, ok := v.Interface().(RuntimeError); ok {
			return e.GoType()
		}
		if t, ok := v.Interface().(typedWrapper); ok {
			if reflect.ValueOf(t.held()).Kind() == reflect.Pointer {
				return "*" + t.GokernelType() // the types of the method have no pointer underlying
			}
			return t.GokernelType()
		}
	}
	if !v.IsValid() || v.Kind() != reflect.Struct || v.Type().PkgPath() != "github.com/traefik/yaegi/interp" || v.Type().Name() != "valueInterface" {
		return ""
	}
	if inner, ok := nestedWrapper(v); ok {
		// a value of an interface type of the cells returned as one
		// (func(c SoldOut) State { return c }(...)): a wrapper without a
		// node, or of the interface's type, around the one that holds
		// the dynamic type
		return DynType(&inner)
	}
	node := v.Field(0)
	if node.Kind() != reflect.Pointer || node.IsNil() {
		return ""
	}
	typ := node.Elem().FieldByName("typ")
	for depth := 0; depth < 8; depth++ {
		if !typ.IsValid() || typ.Kind() != reflect.Pointer || typ.IsNil() {
			return ""
		}
		t := typ.Elem()
		cat := t.FieldByName("cat")
		if !cat.IsValid() || notDynamic[cat.Uint()] {
			return ""
		}
		if depth == 0 {
			if name := t.FieldByName("str").String(); !cellTypeName.MatchString(name) {
				return ""
			}
		}
		if cat.Uint() != 24 && cat.Uint() != 26 { // linkedT, ptrT: look at what they name
			break
		}
		typ = t.FieldByName("val")
	}
	return v.Field(0).Elem().FieldByName("typ").Elem().FieldByName("str").String()
}

// Wrapper reports whether x is a wrapper that the symbol tables give yaegi
// to put a value of the cells in an interface of a compiled package
// (_io_Writer for io.Writer, its first field IValue): it holds the value
// without its type (a *ByteCounter as a *int).
func Wrapper(x any) bool {
	if _, ok := heldBy(x); ok {
		return true // the session's wrappers of errors (errorwrappers.go)
	}
	t := reflect.TypeOf(x)
	return t != nil && t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "_") && t.NumField() > 0 && t.Field(0).Name == "IValue"
}

// Compiled reports whether x is a value of a named type of a compiled
// package (io.Discard's), or a pointer to one, not one of the
// interpreter's types nor a wrapper it puts them in to give them to an
// interface of a compiled package (named _io_Writer for io.Writer).
func Compiled(x any) bool {
	t := reflect.TypeOf(x)
	for t != nil && t.Kind() == reflect.Pointer && t.Name() == "" {
		t = t.Elem()
	}
	return t != nil && t.Name() != "" && !strings.HasPrefix(t.Name(), "_") && t.PkgPath() != "" && t.PkgPath() != "github.com/traefik/yaegi/interp"
}

// Wrapped returns the value of a type of the cells that x, a wrapper of
// yaegi, holds (yaegi wraps such a value in a struct of its own to put it in
// an interface of a compiled package, as error: an any made of that error
// holds the wrapper), and false if x is not one.
func Wrapped(x any) (any, bool) {
	if iv, ok := heldBy(x); ok { // the wrappers of errorwrappers.go
		if v, _, ok := selfValue(x); ok {
			return v.Interface(), true
		}
		return iv, iv != nil
	}
	v := reflect.ValueOf(x)
	if !v.IsValid() || v.Kind() != reflect.Struct || v.Type().PkgPath() != "github.com/traefik/yaegi/interp" || v.NumField() == 0 || v.Type().Field(0).Name != "IValue" {
		return nil, false
	}
	in := v.Field(0)
	if in.Kind() == reflect.Interface {
		in = in.Elem()
	}
	if !in.IsValid() || !in.CanInterface() {
		return nil, false
	}
	return in.Interface(), true
}

// Equal reports whether the interface values *x and *y are equal
// as Go's == says (the cell compiler's interfaceEquality): yaegi compares
// the structs it holds a value of a type of the cells in, which differ for
// equal values (two Sq(1) in a Shape were unequal). Like ==, it panics
// when the dynamic types are equal and not comparable.
//
// A value of a type of the cells with methods that yaegi keeps with its
// type is not equal to a bare value (one yaegi keeps without a wrapper):
// that is a value of a compiled type, or of a type of the cells without
// methods, with the same representation (main.Level(2) and 2).
func Equal(x, y *any) bool {
	// yaegi's wrappers of values of the cells in compiled interfaces
	// (interp._error, from errors.Unwrap of a %w error) hold the value
	// compared: comparing the wrappers panicked (uncomparable type)
	ux, uy := *x, *y
	sx, nx, selfX := selfValue(ux) // the struct value and its type's name
	sy, ny, selfY := selfValue(uy)
	if w, ok := Wrapped(ux); ok && !selfX {
		ux = w
	}
	if w, ok := Wrapped(uy); ok && !selfY {
		uy = w
	}
	x, y = &ux, &uy
	vx, tx, wx := dynamic(reflect.ValueOf(x).Elem())
	vy, ty, wy := dynamic(reflect.ValueOf(y).Elem())
	if selfX {
		vx, tx, wx = sx, nx, true
	}
	if selfY {
		vy, ty, wy = sy, ny, true
	}
	if !vx.IsValid() || !vy.IsValid() {
		return !vx.IsValid() && !vy.IsValid()
	}
	if tx != "" && ty != "" && tx != ty || tx != "" && !wy || ty != "" && !wx {
		return false
	}
	if vx.Type() != vy.Type() || !vx.CanInterface() || !vy.CanInterface() {
		return false
	}
	return vx.Interface() == vy.Interface()
}

// Dynamic returns the dynamic value of the interface value v,
// unwrapped from yaegi's valueInterface, and the name of its type as
// yaegi knows it: "" for a value of a compiled type, whose reflect type
// says it, and when yaegi kept the interface's type instead
// (Shape(Sq(1))): two values of types of the cells with the same
// representation then compare by it.
func Dynamic(v reflect.Value) (reflect.Value, string) {
	v, name, _ := dynamic(v)
	return v, name
}

// dynamic is Dynamic, and reports whether v was in a valueInterface.
func dynamic(v reflect.Value) (_ reflect.Value, name string, wrapped bool) {
	for depth := 0; depth < 8; depth++ {
		for v.Kind() == reflect.Interface {
			if v.IsNil() {
				return reflect.Value{}, "", wrapped
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct || v.Type().PkgPath() != "github.com/traefik/yaegi/interp" || v.Type().Name() != "valueInterface" {
			return v, name, wrapped
		}
		wrapped = true
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		if node := c.Field(0); node.Kind() == reflect.Pointer && !node.IsNil() {
			if typ := node.Elem().FieldByName("typ"); typ.Kind() == reflect.Pointer && !typ.IsNil() && !notDynamic[typ.Elem().FieldByName("cat").Uint()] {
				name = typ.Elem().FieldByName("str").String()
			}
		}
		v = *(*reflect.Value)(unsafe.Pointer(c.Field(1).UnsafeAddr()))
	}
	return v, name, wrapped
}

// Held copies into *dst the value of the cells' struct type name that x,
// yaegi's wrapper of a value of a type of the cells in an interface of a
// compiled package (an error), holds, and reports whether it did. An
// error with the cell compiler's SelfMethod says its value; otherwise yaegi
// keeps only the last field of a struct value there (its getConcreteValue),
// so the value is known when name is the cells' only type whose values
// implement the interface (only) and has one field; a value of a pointer
// type is not one of name. Where it cannot tell, it panics with a clear
// error rather than answer false.
func Held(dst, x any, name string, only bool) bool {
	if _, ok := selfOf(x); ok { // see SelfMethod
		return SelfHeld(dst, x, name)
	}
	d := reflect.ValueOf(dst)
	w, ok := Wrapped(x)
	if !ok || d.Kind() != reflect.Pointer || d.IsNil() || d.Elem().Kind() != reflect.Struct {
		return false
	}
	held := reflect.ValueOf(w)
	if !held.IsValid() || held.Kind() == reflect.Pointer {
		return false
	}
	st := d.Elem().Type()
	// a wrapper of the session that holds no struct, so its whole value
	// rather than a struct's last field: a typed one (a value of a named
	// non-struct type), or one for an error with Unwrap() []error (a slice
	// of errors, errors.Join's kind)
	_, typed := x.(typedWrapper)
	_, multi := x.(interface {
		held() any
		Unwrap() []error
	})
	ours := (typed || multi) && held.Kind() != reflect.Struct
	switch {
	case held.Type() == st:
		d.Elem().Set(held)
		return true
	case ours:
		return false
	case !only:
		panic(runtimeError("the interpreter cannot tell whether this error holds a " + name + ": it keeps a value of a struct type of the cells in an error without its type; give " + name + " pointer receivers and assert to *" + name + ", or compare with errors.Is to a sentinel error"))
	case st.NumField() == 1 && held.Type().AssignableTo(st.Field(0).Type):
		d.Elem().Field(0).Set(held)
		return true
	case st.NumField() > 1 && held.Type().AssignableTo(st.Field(st.NumField()-1).Type):
		panic(runtimeError("the interpreter lost the fields of the " + name + " held in this error (it keeps a value of a struct type of the cells in an error with its last field only): give " + name + " pointer receivers and assert to *" + name))
	}
	return false
}

// EqualValue reports whether *x, a value of a type parameter, equals *c,
// a constant compared with it (b != 0 in a func GCD[T Integer]), which Go
// converts to x's type: yaegi gives c as a bare int where x may be a
// Meters in its wrapper, which Equal tells apart.
func EqualValue(x, c *any) bool {
	vx, _ := Dynamic(reflect.ValueOf(x).Elem())
	vc, _ := Dynamic(reflect.ValueOf(c).Elem())
	if !vx.IsValid() || !vc.IsValid() {
		return !vx.IsValid() && !vc.IsValid()
	}
	if vc.Type() != vx.Type() && vc.CanConvert(vx.Type()) {
		vc = vc.Convert(vx.Type())
	}
	if vc.Type() != vx.Type() || !vx.Comparable() {
		return false
	}
	return vx.Equal(vc)
}

// nestedWrapper returns the valueInterface that v, a valueInterface
// without a node or whose type is an interface, holds, and false if it
// holds none.
func nestedWrapper(v reflect.Value) (any, bool) {
	if node := v.Field(0); node.Kind() == reflect.Pointer && !node.IsNil() {
		typ := node.Elem().FieldByName("typ")
		if !typ.IsValid() || typ.Kind() != reflect.Pointer || typ.IsNil() {
			return nil, false
		}
		if cat := typ.Elem().FieldByName("cat"); !cat.IsValid() || !notDynamic[cat.Uint()] {
			return nil, false // a type of the cells' values, not an interface's
		}
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	held := *(*reflect.Value)(unsafe.Pointer(c.Field(1).UnsafeAddr()))
	for held.IsValid() && held.Kind() == reflect.Interface && !held.IsNil() {
		held = held.Elem()
	}
	if !held.IsValid() || held.Kind() != reflect.Struct || held.Type() != v.Type() || !held.CanInterface() {
		return nil, false
	}
	return held.Interface(), true
}
