package interpvalue

import (
	"cmp"
	"fmt"
	"io"
	"reflect"
)

// Formatted returns a Formatter that calls format, the Format method of a
// value of the cells (a method value), as fmt calls a Formatter it meets
// inside a slice, map or struct: yaegi's values there have no methods for
// fmt. A panic in it prints as fmt prints it: <nil> when nilPointer says
// the method was taken from a nil pointer, %!v(PANIC=Format method: …)
// otherwise. A nil format (the method could not be taken from a nil
// pointer) prints <nil>.
func Formatted(format func(fmt.State, rune), nilPointer bool) fmt.Formatter {
	return formatted{format, nilPointer}
}

// formatted is Formatted's Formatter.
type formatted struct {
	format     func(fmt.State, rune)
	nilPointer bool
}

// Format implements fmt.Formatter.
func (f formatted) Format(st fmt.State, verb rune) {
	defer func() {
		if r := recover(); r != nil {
			if f.nilPointer {
				_, _ = io.WriteString(st, "<nil>")
				return
			}
			_, _ = fmt.Fprintf(st, "%%!%c(PANIC=Format method: %v)", verb, r)
		}
	}()
	if f.format == nil {
		panic("nil")
	}
	f.format(st, verb)
}

// formatter prints a value of a type of the cells as fmt prints a value
// with its String or Error method: the method's result for the verbs that
// use it (%v %s %q %x %X, not %#v), the value for the others.
type formatter struct {
	held reflect.Value
	m    method
}

// Format implements fmt.Formatter.
func (f formatter) Format(st fmt.State, verb rune) {
	switch verb {
	case 'v', 's', 'q', 'x', 'X':
		if verb == 'v' && st.Flag('#') {
			break
		}
		if s, ok := f.text(st, verb); ok {
			fmt.Fprintf(st, fmt.FormatString(st, verb), s)
		}
		return
	}
	fmt.Fprintf(st, fmt.FormatString(st, verb), f.held.Interface())
}

// text calls the method; a panic in it is written as fmt writes it.
func (f formatter) text(st fmt.State, verb rune) (s string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
			if f.held.Kind() == reflect.Pointer && f.held.IsNil() {
				_, _ = io.WriteString(st, "<nil>")
				return
			}
			_, _ = fmt.Fprintf(st, "%%!%c(PANIC=%s method: %v)", verb, f.m.name, r)
		}
	}()
	out := f.m.call.Call([]reflect.Value{f.held})
	return out[0].String(), true
}

// Printed returns s, the result of a String or Error method of the cells,
// as an operand of fmt.Print that is not a string: Print puts spaces
// between operands that are not strings, as the value the method was
// called on was not.
func Printed(s string) fmt.Formatter { return printed{s} }

// printed is a method's result printed as a value that is not a string
// (not of a string kind: Print looks at the kind).
type printed struct{ s string }

// Format implements fmt.Formatter.
func (p printed) Format(st fmt.State, verb rune) {
	fmt.Fprintf(st, fmt.FormatString(st, verb), p.s)
}

// SortedMap returns what fmt prints for a map whose entries are kv (key,
// value, key, value...) in the order fmt sorts its keys: the cell
// compiler gives it the strings the String methods of the keys return
// (fmt cannot call them), in the order of the keys' values.
func SortedMap(kv []any) fmt.Formatter { return sortedMap(kv) }

// sortedMap is SortedMap's Formatter.
type sortedMap []any

// Format prints the entries as map[k:v k:v], each key and value with the
// operand's verb and flags, as fmt prints a map's.
func (m sortedMap) Format(f fmt.State, verb rune) {
	spec := fmt.FormatString(f, verb)
	io.WriteString(f, "map[")
	for i := 0; i+1 < len(m); i += 2 {
		if i > 0 {
			io.WriteString(f, " ")
		}
		fmt.Fprintf(f, spec, m[i])
		io.WriteString(f, ":")
		fmt.Fprintf(f, spec, m[i+1])
	}
	io.WriteString(f, "]")
}

// FmtLess reports whether map key a sorts before b in fmt's output
// (internal/fmtsort): numbers, strings and booleans (false first) by
// value, structs and arrays field by field. The cell compiler sorts with
// it the keys it gives SortedMap when they are structs or arrays.
func FmtLess(a, b any) bool { return fmtCompare(reflect.ValueOf(a), reflect.ValueOf(b)) < 0 }

// fmtCompare is fmtsort's compare for the kinds of FmtLess.
func fmtCompare(a, b reflect.Value) int {
	if !a.IsValid() || !b.IsValid() || a.Kind() != b.Kind() {
		return 0
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Bool:
		x, y := a.Bool(), b.Bool()
		switch {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case reflect.Struct:
		for i := 0; i < a.NumField() && i < b.NumField(); i++ {
			if c := fmtCompare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
	case reflect.Array:
		for i := 0; i < a.Len() && i < b.Len(); i++ {
			if c := fmtCompare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
	}
	return 0
}
