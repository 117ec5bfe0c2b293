package compiler

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// fmt calls the String and Error methods of values nested in the operand
// (exported fields of structs, elements of slices and arrays, values of
// maps, what a pointer operand points to), which yaegi's reflect types do
// not have. An operand whose static type has such values of the cells'
// types is converted to a copy of the same shape in which they are the
// strings their method returns (Pair{1, 2} prints {1.0°C 2.0°C}). Where
// this is out of reach (a map key, a Format method, a recursive type), the
// operand is left as it is.

// nestedConv converts code of a type to code of its copy for fmt.
type nestedConv struct {
	typ  string              // the copy's type
	conv func(string) string // code of the copy of the value of code x
}

// nestedOperand rewrites x, an operand of fmt printed with verb, whose
// type has values with String or Error methods of the cells inside; it
// reports whether it did.
func (c *compiler) nestedOperand(x ast.Expr, verb byte) bool {
	conv := c.nestedCode(c.types.ExprType(c.off(x.Pos()), c.off(x.End())), verb)
	if conv == nil {
		return false
	}
	c.w.add(c.off(x.Pos()), c.off(x.End()), func(*rewriter) string { return conv(c.render(x)) })
	return true
}

// nestedCode returns the conversion of an operand of type t printed with
// verb to its copy for fmt, or nil if it needs none or is out of reach.
func (c *compiler) nestedCode(t types.Type, verb byte) func(string) string {
	if t == nil || types.IsInterface(t) || !mentionsCellType(t) || hasMethod(types.NewMethodSet(t), "Format") {
		return nil
	}
	nc, changed, ok := c.nestedStrings(t, verb, 0)
	if !changed || !ok {
		return nil
	}
	return nc.conv
}

// nestedStrings returns the conversion of a value of type t at depth
// (0 for fmt's operand) to its copy for fmt, whether it changes the value,
// and false where it is out of reach.
func (c *compiler) nestedStrings(t types.Type, verb byte, depth int) (nestedConv, bool, bool) {
	same := nestedConv{typ: c.types.TypeString(t), conv: func(x string) string { return x }}
	if types.IsInterface(t) || !mentionsCellType(t) {
		return same, false, true
	}
	if depth > 6 || same.typ == "" {
		return same, false, false
	}
	if depth > 0 {
		ms := types.NewMethodSet(t)
		for _, name := range []string{"Error", "String"} {
			if stringMethod(ms, name) != nil {
				return c.methodString(t, same.typ, name), true, true
			}
		}
		if hasMethod(ms, "Format") {
			return same, false, false
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return c.nestedPointer(u, same, verb, depth)
	case *types.Struct:
		return c.nestedStruct(u, same, verb, depth)
	case *types.Slice:
		return c.nestedElems(u.Elem(), same, verb, depth, "")
	case *types.Array:
		return c.nestedElems(u.Elem(), same, verb, depth, "["+strconv.FormatInt(u.Len(), 10)+"]")
	case *types.Map:
		return c.nestedMap(u, same, verb, depth)
	}
	return same, false, true
}

// methodString converts a value of type t (written ts) to the string its
// method name returns, <nil> for a nil pointer whose method panics.
func (c *compiler) methodString(t types.Type, ts, name string) nestedConv {
	if _, ptr := t.Underlying().(*types.Pointer); ptr {
		return nestedConv{typ: "string", conv: func(x string) string {
			return "func(v " + ts + ") (s string) { defer func() { if r := recover(); r != nil { if v != nil { panic(r) }; s = \"<nil>\" } }(); return v." + name + "() }(" + x + ")"
		}}
	}
	return nestedConv{typ: "string", conv: func(x string) string { return "(" + x + ")." + name + "()" }}
}

// nestedPointer converts a pointer operand: fmt prints &{...} of what it
// points to (deeper, a pointer prints as an address).
func (c *compiler) nestedPointer(u *types.Pointer, same nestedConv, verb byte, depth int) (nestedConv, bool, bool) {
	switch u.Elem().Underlying().(type) {
	case *types.Struct, *types.Slice, *types.Array, *types.Map:
	default:
		return same, false, true
	}
	if depth > 0 {
		return same, false, true
	}
	elem, changed, ok := c.nestedStrings(u.Elem(), verb, depth+1)
	if !changed || !ok {
		return same, changed, ok
	}
	v := "__gkv" + strconv.Itoa(depth)
	return nestedConv{typ: "*" + elem.typ, conv: func(x string) string {
		return "func(" + v + " " + same.typ + ") *" + elem.typ + " { if " + v + " == nil { return nil }; " + v + "c := " + elem.conv("*"+v) + "; return &" + v + "c }(" + x + ")"
	}}, true, true
}

// nestedStruct converts a struct: fmt calls the methods of its exported
// fields only.
func (c *compiler) nestedStruct(u *types.Struct, same nestedConv, verb byte, depth int) (nestedConv, bool, bool) {
	fields := make([]nestedConv, u.NumFields())
	changedAny := false
	for i := range fields {
		f := u.Field(i)
		fields[i] = nestedConv{typ: c.types.TypeString(f.Type()), conv: func(x string) string { return x }}
		if fields[i].typ == "" {
			return same, false, false
		}
		if !f.Exported() {
			continue
		}
		fc, changed, ok := c.nestedStrings(f.Type(), verb, depth+1)
		if !ok {
			return same, false, false
		}
		if changed {
			fields[i], changedAny = fc, true
		}
	}
	if !changedAny {
		return same, false, true
	}
	var decl []string
	for i, f := range fields {
		decl = append(decl, u.Field(i).Name()+" "+f.typ)
	}
	typ := "struct{ " + strings.Join(decl, "; ") + " }"
	v := "__gkv" + strconv.Itoa(depth)
	return nestedConv{typ: typ, conv: func(x string) string {
		var vals []string
		for i, f := range fields {
			vals = append(vals, f.conv(v+"."+u.Field(i).Name()))
		}
		return "func(" + v + " " + same.typ + ") " + typ + " { return " + typ + "{" + strings.Join(vals, ", ") + "} }(" + x + ")"
	}}, true, true
}

// nestedElems converts a slice (array "" ) or an array (its [N]): fmt
// prints the bytes of a slice or array of a byte kind for %s, %q, %x, %X.
func (c *compiler) nestedElems(elem types.Type, same nestedConv, verb byte, depth int, array string) (nestedConv, bool, bool) {
	if b, ok := elem.Underlying().(*types.Basic); ok && b.Kind() == types.Uint8 && verb != 'v' {
		return same, false, true
	}
	ec, changed, ok := c.nestedStrings(elem, verb, depth+1)
	if !changed || !ok {
		return same, changed, ok
	}
	d := strconv.Itoa(depth)
	v, r, i := "__gkv"+d, "__gkr"+d, "__gki"+d
	if array != "" {
		typ := array + ec.typ
		return nestedConv{typ: typ, conv: func(x string) string {
			return "func(" + v + " " + same.typ + ") (" + r + " " + typ + ") { for " + i + " := range " + v + " { " + r + "[" + i + "] = " + ec.conv(v+"["+i+"]") + " }; return } (" + x + ")"
		}}, true, true
	}
	typ := "[]" + ec.typ
	return nestedConv{typ: typ, conv: func(x string) string {
		return "func(" + v + " " + same.typ + ") " + typ + " { if " + v + " == nil { return nil }; " + r + " := make(" + typ + ", len(" + v + ")); for " + i + " := range " + v + " { " + r + "[" + i + "] = " + ec.conv(v+"["+i+"]") + " }; return " + r + " }(" + x + ")"
	}}, true, true
}

// nestedMap converts a map's values (fmt sorts the keys by their values:
// keys with methods are out of reach).
func (c *compiler) nestedMap(u *types.Map, same nestedConv, verb byte, depth int) (nestedConv, bool, bool) {
	kc, kChanged, ok := c.nestedStrings(u.Key(), verb, depth+1)
	if !ok || kChanged {
		return same, false, false
	}
	ec, changed, ok := c.nestedStrings(u.Elem(), verb, depth+1)
	if !changed || !ok {
		return same, changed, ok
	}
	d := strconv.Itoa(depth)
	v, r, k := "__gkv"+d, "__gkr"+d, "__gkk"+d
	typ := "map[" + kc.typ + "]" + ec.typ
	return nestedConv{typ: typ, conv: func(x string) string {
		return "func(" + v + " " + same.typ + ") " + typ + " { if " + v + " == nil { return nil }; " + r + " := make(" + typ + ", len(" + v + ")); for " + k + " := range " + v + " { " + r + "[" + k + "] = " + ec.conv(v+"["+k+"]") + " }; return " + r + " }(" + x + ")"
	}}, true, true
}
