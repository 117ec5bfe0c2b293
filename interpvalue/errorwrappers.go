package interpvalue

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// yaegi puts a value of a type of the cells in an error (a compiled
// interface) in a wrapper struct whose first field, IValue, holds the
// value and whose other fields are the methods of error: Error only, so
// compiled errors.Is and errors.Unwrap did not see the cells' Is and
// Unwrap methods, and for a struct value it keeps only its last field in
// IValue (its getConcreteValue): err.(E), errors.As and errors.Is could not
// get an E{Field, Code} back. The session gives yaegi the wrappers of this
// file instead (its composed wrappers, MapTypes, keyed by its wrapper of
// error: it takes the first whose methods the type has), which have the
// Is and Unwrap methods too; and the cell compiler gives every struct
// type of the cells that is an error by value the method SelfMethod,
// which returns the value and its type's name, read by the kernel's
// assertions, errors.Is, errors.As, == and fmt (selfValue).

// SelfMethod is the name of the method the cell compiler declares for a
// struct type of the cells whose values are errors:
//
//	func (v E) GokernelSelf() (any, string) { return v, "main.E" }
const SelfMethod = "GokernelSelf"

// The wrappers: fields named as yaegi's are (IValue, then W and each
// method's name), methods calling them.
type (
	selfError struct {
		IValue        any
		WError        func() string
		WGokernelSelf func() (any, string)
	}
	selfIsError struct {
		IValue        any
		WError        func() string
		WGokernelSelf func() (any, string)
		WIs           func(error) bool
	}
	selfUnwrapError struct {
		IValue        any
		WError        func() string
		WGokernelSelf func() (any, string)
		WUnwrap       func() error
	}
	selfIsUnwrapError struct {
		IValue        any
		WError        func() string
		WGokernelSelf func() (any, string)
		WIs           func(error) bool
		WUnwrap       func() error
	}
	isError struct {
		IValue any
		WError func() string
		WIs    func(error) bool
	}
	unwrapError struct {
		IValue  any
		WError  func() string
		WUnwrap func() error
	}
	isUnwrapError struct {
		IValue  any
		WError  func() string
		WIs     func(error) bool
		WUnwrap func() error
	}
	// The wrappers of errors with an Unwrap() []error method (errors.Join's
	// kind): yaegi matches wrappers by the names of methods only, so the
	// cell compiler gives such a type the method UnwrapAllMethod too.
	selfIsMultiError struct {
		IValue             any
		WError             func() string
		WGokernelSelf      func() (any, string)
		WIs                func(error) bool
		WGokernelUnwrapAll func() []error
	}
	selfMultiError struct {
		IValue             any
		WError             func() string
		WGokernelSelf      func() (any, string)
		WGokernelUnwrapAll func() []error
	}
	isMultiError struct {
		IValue             any
		WError             func() string
		WIs                func(error) bool
		WGokernelUnwrapAll func() []error
	}
	multiError struct {
		IValue             any
		WError             func() string
		WGokernelUnwrapAll func() []error
	}
)

// TypeNameMethod is the name of the method the cell compiler declares for
// a named type of the cells that is not a struct (celltype's
// TypeNameMethodDecl): it returns the type's name ("main.Celsius").
const TypeNameMethod = "GokernelType"

// The wrappers of values of such types in an error or a fmt.Stringer,
// which keep that method (yaegi's keep the value without its type).
type (
	typedError struct {
		IValue        any
		WError        func() string
		WGokernelType func() string
	}
	typedStringer struct {
		IValue        any
		WGokernelType func() string
		WString       func() string
	}
	// typedIsError is typedError of a type with an Is method too (a
	// StatusError int whose Is matches a class of statuses).
	typedIsError struct {
		IValue        any
		WError        func() string
		WGokernelType func() string
		WIs           func(error) bool
	}
	// selfStringer holds a value of a struct type of the cells with a
	// String method (SelfMethod): yaegi's wrapper kept its last field only,
	// so s.(Shape) of a Rect in a fmt.Stringer could not get it back.
	selfStringer struct {
		IValue        any
		WGokernelSelf func() (any, string)
		WString       func() string
	}
)

// Format makes fmt print the value a typed wrapper holds as Go prints a
// value of its type: the verbs of strings call the method (String or
// Error), the others format the value (%d of a Code(404) in an error is
// 404; fmt printed the wrapper's fields).
func (w typedError) Format(f fmt.State, verb rune) {
	formatHeld(f, verb, w.IValue, w.WGokernelType(), w.WError)
}

// Format: see typedError's.
func (w typedStringer) Format(f fmt.State, verb rune) {
	formatHeld(f, verb, w.IValue, w.WGokernelType(), w.WString)
}

// Format: see typedError's; the value is the one the self method gives.
func (w selfStringer) Format(f fmt.State, verb rune) {
	v, name := w.WGokernelSelf()
	formatHeld(f, verb, v, name, w.WString)
}

// formatHeld formats held, a value of the cells' type name, for verb:
// through text (its String or Error method) for the verbs fmt gives such
// a method, else the value itself, named as Go names it in a bad verb's
// text (%!d(main.Temp=21.456)).
func formatHeld(f fmt.State, verb rune, held any, name string, text func() string) {
	switch verb {
	case 'v', 's', 'q', 'x', 'X':
		if verb == 'v' && f.Flag('#') {
			break
		}
		fmt.Fprintf(f, fmt.FormatString(f, verb), text())
		return
	}
	s := fmt.Sprintf(fmt.FormatString(f, verb), held)
	if t := reflect.TypeOf(held); t != nil && name != "" {
		s = strings.Replace(s, "("+t.String()+"=", "("+name+"=", 1)
	}
	_, _ = io.WriteString(f, s)
}

// Format: see typedError's.
func (w typedIsError) Format(f fmt.State, verb rune) {
	formatHeld(f, verb, w.IValue, w.WGokernelType(), w.WError)
}

func (w typedIsError) Error() string        { return w.WError() }
func (w typedIsError) GokernelType() string { return w.WGokernelType() }
func (w typedIsError) Is(target error) bool { return w.WIs(target) }
func (w typedIsError) held() any            { return w.IValue }

func (w typedError) Error() string           { return w.WError() }
func (w typedError) GokernelType() string    { return w.WGokernelType() }
func (w typedError) held() any               { return w.IValue }
func (w typedStringer) String() string       { return w.WString() }
func (w typedStringer) GokernelType() string { return w.WGokernelType() }
func (w typedStringer) held() any            { return w.IValue }

func (w selfStringer) String() string              { return w.WString() }
func (w selfStringer) GokernelSelf() (any, string) { return w.WGokernelSelf() }
func (w selfStringer) self() selfError             { return selfError{w.IValue, w.WString, w.WGokernelSelf} }

// StringerWrappers returns the wrapper types the session gives yaegi for
// values of the cells' types in a fmt.Stringer.
func StringerWrappers() []reflect.Type {
	return []reflect.Type{reflect.TypeOf(selfStringer{}), reflect.TypeOf(typedStringer{})}
}

// The same for io.Writer and io.Reader (a type ByteCounter int with a
// Write method).
type (
	typedWriter struct {
		IValue        any
		WGokernelType func() string
		WWrite        func([]byte) (int, error)
	}
	typedReader struct {
		IValue        any
		WGokernelType func() string
		WRead         func([]byte) (int, error)
	}
	// stringWriter keeps a WriteString method of a writer of the cells,
	// which io.WriteString and fmt's callers look for (yaegi's wrapper of
	// an io.Writer has only Write).
	stringWriter struct {
		IValue       any
		WWrite       func([]byte) (int, error)
		WWriteString func(string) (int, error)
	}
)

func (w typedWriter) Write(p []byte) (int, error) { return w.WWrite(p) }
func (w typedWriter) GokernelType() string        { return w.WGokernelType() }
func (w typedWriter) held() any                   { return w.IValue }
func (w typedReader) Read(p []byte) (int, error)  { return w.WRead(p) }
func (w typedReader) GokernelType() string        { return w.WGokernelType() }
func (w typedReader) held() any                   { return w.IValue }

func (w stringWriter) Write(p []byte) (int, error)       { return w.WWrite(p) }
func (w stringWriter) WriteString(s string) (int, error) { return w.WWriteString(s) }
func (w stringWriter) held() any                         { return w.IValue }

// IOWrappers returns the wrapper types the session gives yaegi for values
// of the cells' types in an io.Writer and an io.Reader.
func IOWrappers() (writer, reader []reflect.Type) {
	return []reflect.Type{reflect.TypeOf(typedWriter{}), reflect.TypeOf(stringWriter{})}, []reflect.Type{reflect.TypeOf(typedReader{})}
}

// UnwrapAllMethod is the name of the method the cell compiler declares
// for a type of the cells with an Unwrap() []error method, calling it.
const UnwrapAllMethod = "GokernelUnwrapAll"

func (w selfIsMultiError) Error() string               { return w.WError() }
func (w selfIsMultiError) GokernelSelf() (any, string) { return w.WGokernelSelf() }
func (w selfIsMultiError) Is(target error) bool        { return w.WIs(target) }
func (w selfIsMultiError) Unwrap() []error             { return w.WGokernelUnwrapAll() }
func (w selfIsMultiError) self() selfError             { return selfError{w.IValue, w.WError, w.WGokernelSelf} }
func (w selfMultiError) Error() string                 { return w.WError() }
func (w selfMultiError) GokernelSelf() (any, string)   { return w.WGokernelSelf() }
func (w selfMultiError) Unwrap() []error               { return w.WGokernelUnwrapAll() }
func (w selfMultiError) self() selfError               { return selfError{w.IValue, w.WError, w.WGokernelSelf} }
func (w isMultiError) Error() string                   { return w.WError() }
func (w isMultiError) Is(target error) bool            { return w.WIs(target) }
func (w isMultiError) Unwrap() []error                 { return w.WGokernelUnwrapAll() }
func (w isMultiError) held() any                       { return w.IValue }
func (w multiError) Error() string                     { return w.WError() }
func (w multiError) Unwrap() []error                   { return w.WGokernelUnwrapAll() }
func (w multiError) held() any                         { return w.IValue }

// ErrorWrappers returns the wrapper types the session gives yaegi for
// errors of the cells' types, those of more methods first.
func ErrorWrappers() []reflect.Type {
	return []reflect.Type{
		// first: their types have Unwrap too, which the others would take
		reflect.TypeOf(selfIsMultiError{}), reflect.TypeOf(selfMultiError{}), reflect.TypeOf(isMultiError{}), reflect.TypeOf(multiError{}),
		reflect.TypeOf(selfIsUnwrapError{}), reflect.TypeOf(selfIsError{}), reflect.TypeOf(selfUnwrapError{}), reflect.TypeOf(selfError{}),
		reflect.TypeOf(isUnwrapError{}), reflect.TypeOf(typedIsError{}), reflect.TypeOf(isError{}), reflect.TypeOf(unwrapError{}),
		reflect.TypeOf(typedError{}),
	}
}

func (w selfError) Error() string                       { return w.WError() }
func (w selfError) GokernelSelf() (any, string)         { return w.WGokernelSelf() }
func (w selfError) self() selfError                     { return w }
func (w selfIsError) Error() string                     { return w.WError() }
func (w selfIsError) GokernelSelf() (any, string)       { return w.WGokernelSelf() }
func (w selfIsError) Is(target error) bool              { return w.WIs(target) }
func (w selfIsError) self() selfError                   { return selfError{w.IValue, w.WError, w.WGokernelSelf} }
func (w selfUnwrapError) Error() string                 { return w.WError() }
func (w selfUnwrapError) GokernelSelf() (any, string)   { return w.WGokernelSelf() }
func (w selfUnwrapError) Unwrap() error                 { return w.WUnwrap() }
func (w selfUnwrapError) self() selfError               { return selfError{w.IValue, w.WError, w.WGokernelSelf} }
func (w selfIsUnwrapError) Error() string               { return w.WError() }
func (w selfIsUnwrapError) GokernelSelf() (any, string) { return w.WGokernelSelf() }
func (w selfIsUnwrapError) Is(target error) bool        { return w.WIs(target) }
func (w selfIsUnwrapError) Unwrap() error               { return w.WUnwrap() }
func (w selfIsUnwrapError) self() selfError             { return selfError{w.IValue, w.WError, w.WGokernelSelf} }
func (w isError) Error() string                         { return w.WError() }
func (w isError) Is(target error) bool                  { return w.WIs(target) }
func (w isError) held() any                             { return w.IValue }
func (w unwrapError) Error() string                     { return w.WError() }
func (w unwrapError) Unwrap() error                     { return w.WUnwrap() }
func (w unwrapError) held() any                         { return w.IValue }
func (w isUnwrapError) Error() string                   { return w.WError() }
func (w isUnwrapError) Is(target error) bool            { return w.WIs(target) }
func (w isUnwrapError) Unwrap() error                   { return w.WUnwrap() }
func (w isUnwrapError) held() any                       { return w.IValue }

// selfOf returns the selfError of x, one of the self wrappers, and false
// when x is none.
func selfOf(x any) (selfError, bool) {
	s, ok := x.(interface{ self() selfError })
	if !ok {
		return selfError{}, false
	}
	w := s.self()
	return w, w.WGokernelSelf != nil
}

// heldBy returns the value x, one of the wrappers, holds in IValue, and
// false when x is none.
func heldBy(x any) (any, bool) {
	if w, ok := selfOf(x); ok {
		return w.IValue, true
	}
	if h, ok := x.(interface{ held() any }); ok {
		return h.held(), true
	}
	return nil, false
}

// selfValue returns the value of a struct type of the cells that x, an
// error, holds, and the type's name ("main.E"), and false when x holds
// none: not one of the self wrappers, or holding a pointer (a *E is an
// error too, and its wrapper calls E's SelfMethod on what it points to).
func selfValue(x any) (reflect.Value, string, bool) {
	v, name, isValue := selfRead(x)
	if !isValue {
		return reflect.Value{}, "", false
	}
	return v, name, true
}

// selfName returns %T of x, an error of the cells in a self wrapper: the
// name of the struct type of the value it holds, or of the pointer to
// one; false when x is not in a self wrapper.
func selfName(x any) (string, bool) {
	_, name, isValue := selfRead(x)
	switch {
	case name == "":
		return "", false
	case !isValue:
		return "*" + name, true
	}
	return name, true
}

// selfRead calls the SelfMethod of the value x, a self wrapper, holds
// (once: it is interpreted code): the value, its type's name ("" when x is
// no self wrapper), and whether x holds that value rather than a pointer
// to it. A value whose last field points to an equal value would be taken
// for a pointer.
func selfRead(x any) (reflect.Value, string, bool) {
	w, ok := selfOf(x)
	if !ok {
		return reflect.Value{}, "", false
	}
	v, name := w.WGokernelSelf()
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Struct {
		return reflect.Value{}, name, false
	}
	if p := reflect.ValueOf(w.IValue); p.Kind() == reflect.Pointer && !p.IsNil() && p.Type().Elem() == rv.Type() && reflect.DeepEqual(p.Elem().Interface(), v) {
		return rv, name, false
	}
	return rv, name, true
}

// SelfHeld copies into *dst the value of the cells' struct type name
// ("main.E") that x, an error, holds, and reports whether it did: x is
// one of the wrappers of SelfMethod's types holding an E.
func SelfHeld(dst, x any, name string) bool {
	v, held, ok := selfValue(x)
	d := reflect.ValueOf(dst)
	if !ok || held != name || d.Kind() != reflect.Pointer || d.IsNil() || !v.Type().AssignableTo(d.Elem().Type()) {
		return false
	}
	d.Elem().Set(v)
	return true
}
