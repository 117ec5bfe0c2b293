package celltype

import (
	"go/types"
	"strconv"
)

// FormatCopy returns the code that gives fmt a value of type t, whose
// method set has Format, where fmt meets it inside a slice, map or struct
// (x stands for the value's code, ts is t as the cell writes it, rt the
// name of the kernel's runtime package): a Formatter calling the method
// (interpvalue.Formatted), since yaegi's values there have no methods for
// fmt. A nil pointer prints <nil> when the method panics, as in fmt.
func FormatCopy(t types.Type, ts, rt string) func(x string) string {
	if _, ptr := t.Underlying().(*types.Pointer); ptr {
		return func(x string) string {
			return "func(v " + ts + ") (f __gkfmt.Formatter) { defer func() { if recover() != nil { f = " + rt + ".Formatted(nil, true) } }(); return " + rt + ".Formatted(v.Format, v == nil) }(" + x + ")"
		}
	}
	// a parameter of its own: yaegi's method value of a loop's variable
	// would see the variable's last value
	return func(x string) string {
		return "func(v " + ts + ") __gkfmt.Formatter { return " + rt + ".Formatted(v.Format, false) }(" + x + ")"
	}
}

// FormatElemsCopy returns the code that copies a value of type t, a slice,
// array or map whose elements are of a type of the cells with a Format
// method (or, for %#v, with a GoString method), to one of Formatters
// calling that method (x stands for the value's code): fmt calls it for
// every element, with every verb, where yaegi's elements have no methods.
// It returns nil for other types. ts writes a type as the cell can name
// it ("" if it cannot), rt is the name of the kernel's runtime package.
func FormatElemsCopy(t types.Type, ts func(types.Type) string, rt string, sharp bool) func(x string) string {
	if t == nil {
		return nil
	}
	var elem, key types.Type
	n := ""
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem, n = u.Elem(), strconv.FormatInt(u.Len(), 10)
	case *types.Map:
		elem, key = u.Elem(), u.Key()
		if nk := namedOf(key); nk != nil && HasMethods(nk) {
			return nil // fmt would call the key's methods too
		}
	default:
		return nil
	}
	et, tt := ts(elem), ts(t)
	if types.IsInterface(elem) || !Mentions(elem) || et == "" || tt == "" || key != nil && ts(key) == "" {
		return nil
	}
	ms := types.NewMethodSet(elem)
	var conv func(string) string
	switch {
	case HasMethod(ms, "Format"):
		conv = FormatCopy(elem, et, rt)
	case sharp && StringMethod(ms, "GoString") != nil:
		// the method's text, as fmt writes it for %#v
		conv = func(x string) string {
			return "func(v " + et + ") (f __gkfmt.Formatter) { defer func() { if recover() != nil { f = " + rt + ".Formatted(nil, true) } }(); s := v.GoString(); return " + rt + ".Formatted(func(st __gkfmt.State, _ rune) { st.Write([]byte(s)) }, false) }(" + x + ")"
		}
	default:
		return nil
	}
	const f = "__gkfmt.Formatter"
	return func(x string) string {
		switch {
		case key != nil:
			m := "map[" + ts(key) + "]" + f
			return "func(m " + tt + ") " + m + " { if m == nil { return nil }; out := make(" + m + ", len(m)); for k, v := range m { out[k] = " + conv("v") + " }; return out }(" + x + ")"
		case n != "":
			return "func(s " + tt + ") (out [" + n + "]" + f + ") { for i := range s { out[i] = " + conv("s[i]") + " }; return }(" + x + ")"
		}
		return "func(s " + tt + ") []" + f + " { if s == nil { return nil }; out := make([]" + f + ", len(s)); for i := range s { out[i] = " + conv("s[i]") + " }; return out }(" + x + ")"
	}
}

// namedOf returns t as a named type, or nil.
func namedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// OfBasics reports whether t is a struct or array type made of numbers,
// strings and booleans only, at any depth (fmt sorts such map keys field
// by field: interpvalue.FmtLess).
func OfBasics(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsOrdered|types.IsBoolean) != 0 && u.Info()&types.IsComplex == 0
	case *types.Array:
		return OfBasics(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !OfBasics(u.Field(i).Type()) {
				return false
			}
		}
		return u.NumFields() > 0
	}
	return false
}
