package compiler

import (
	"go/ast"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"sort"
	"strconv"
	"strings"
)

// How values of the cells' types reach compiled code: the String and Error
// methods of values nested in fmt's operands, the messages of failed type
// assertions, the compiled twins of the cells' interfaces.

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
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return conv(c.render(x)) })
	return true
}

// nestedCode returns the conversion of an operand of type t printed with
// verb to its copy for fmt, or nil if it needs none or is out of reach.
func (c *compiler) nestedCode(t types.Type, verb byte) func(string) string {
	if t == nil || types.IsInterface(t) || !celltype.Mentions(t) || celltype.HasMethod(types.NewMethodSet(t), "Format") {
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
// and false where it is out of reach. Verb 0 is a value under an
// unexported field, whose methods fmt does not call: yaegi exports the
// fields of the cells' structs, so values of compiled types with methods
// there (a time.Duration) are converted to their basic types.
func (c *compiler) nestedStrings(t types.Type, verb byte, depth int) (nestedConv, bool, bool) {
	same := nestedConv{typ: c.types.TypeString(t), conv: func(x string) string { return x }}
	if b, ok := celltype.BareBasic(t); ok && verb == 0 {
		return nestedConv{typ: b, conv: func(x string) string { return b + "(" + x + ")" }}, true, true
	}
	if conv := c.interfaceStrings(t); conv != nil && depth > 0 && verb != 0 {
		return *conv, true, true
	}
	if types.IsInterface(t) || !celltype.Mentions(t) && (verb != 0 || !celltype.HoldsBareBasic(t, 0)) {
		return same, false, true
	}
	if depth > 6 || same.typ == "" {
		return same, false, false
	}
	if depth > 0 && verb != 0 {
		ms := types.NewMethodSet(t)
		for _, name := range []string{"Error", "String"} {
			if celltype.StringMethod(ms, name) != nil {
				return c.methodString(t, same.typ, name), true, true
			}
		}
		if celltype.HasMethod(ms, "Format") { // fmt calls it with the verb and flags
			return nestedConv{typ: "__gkfmt.Formatter", conv: celltype.FormatCopy(t, same.typ, RuntimeName)}, true, true
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

// interfaceStrings converts a value of t, an interface the cells declare
// with methods, to what fmt prints of its dynamic value when yaegi holds a
// value of a cell type in it (its Error or String method, but for a value
// with a Format method), or returns nil for other types.
func (c *compiler) interfaceStrings(t types.Type) *nestedConv {
	if t == nil {
		return nil
	}
	switch n := types.Unalias(t).(type) {
	case *types.TypeParam:
		return nil
	case *types.Named:
		if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
			return nil // a compiled interface: yaegi gives fmt its wrapper
		}
	}
	it, ok := t.Underlying().(*types.Interface)
	ts := c.types.TypeString(t)
	if !ok || it.NumMethods() == 0 || ts == "" {
		return nil
	}
	// A method that panics prints as fmt prints it: <nil> for a nil
	// pointer receiver, %!v(PANIC=String method: ...) otherwise.
	caught := func(method string) string {
		return "defer func() { if r := recover(); r != nil { s = \"<nil>\"; if m := __gkfmt.Sprint(r); !" + RuntimeName + ".NilDeref(m) { s = \"%!v(PANIC=" + method + " method: \" + m + \")\" } } }(); "
	}
	return &nestedConv{typ: "any", conv: func(x string) string {
		return "func(v " + ts + ") (s any) { if v == nil { return nil }; if _, ok := v.(interface{ Format(__gkfmt.State, rune) }); ok { return v }; " +
			"if e, ok := v.(interface{ Error() string }); ok { " + caught("Error") + "return e.Error() }; if st, ok := v.(interface{ String() string }); ok { " + caught("String") + "return st.String() }; return " + RuntimeName + ".FmtAny(v) }(" + x + ")"
	}}
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
		fv := verb
		if !f.Exported() {
			fv = 0 // fmt calls no method under an unexported field
		}
		fc, changed, ok := c.nestedStrings(f.Type(), fv, depth+1)
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

// nestedMapKeys converts a map whose keys have String or Error methods
// (kc): fmt sorts the keys by their values and prints what their methods
// return, so the map becomes the entries in that order, which
// cellrt.SortedMap prints as fmt prints a map. Keys of a basic ordered
// type only, for %v and %s.
func (c *compiler) nestedMapKeys(u *types.Map, same, kc nestedConv, verb byte, depth int) (nestedConv, bool, bool) {
	b, basic := u.Key().Underlying().(*types.Basic)
	less := func(x, y string) string { return x + " < " + y }
	if !basic && celltype.OfBasics(u.Key()) { // fmt compares them field by field
		less = func(x, y string) string { return RuntimeName + ".FmtLess(" + x + ", " + y + ")" }
	} else if !basic || b.Info()&types.IsOrdered == 0 {
		return same, false, false
	}
	if verb != 'v' && verb != 's' {
		return same, false, false
	}
	ec, _, ok := c.nestedStrings(u.Elem(), verb, depth+1)
	kt := c.types.TypeString(u.Key())
	if !ok || kt == "" {
		return same, false, false
	}
	d := strconv.Itoa(depth)
	v, ks, i, j, k, kv := "__gkv"+d, "__gks"+d, "__gki"+d, "__gkj"+d, "__gkk"+d, "__gkr"+d
	return nestedConv{typ: "any", conv: func(x string) string {
		return "func(" + v + " " + same.typ + ") any { " + ks + " := make([]" + kt + ", 0, len(" + v + ")); for " + k + " := range " + v + " { " + ks + " = append(" + ks + ", " + k + ") }; " +
			"for " + i + " := 1; " + i + " < len(" + ks + "); " + i + "++ { for " + j + " := " + i + "; " + j + " > 0 && " + less(ks+"["+j+"]", ks+"["+j+"-1]") + "; " + j + "-- { " + ks + "[" + j + "], " + ks + "[" + j + "-1] = " + ks + "[" + j + "-1], " + ks + "[" + j + "] } }; " +
			kv + " := make([]any, 0, 2*len(" + ks + ")); for _, " + k + " := range " + ks + " { " + kv + " = append(" + kv + ", " + kc.conv(k) + ", " + ec.conv(v+"["+k+"]") + ") }; return " + RuntimeName + ".SortedMap(" + kv + ") }(" + x + ")"
	}}, true, true
}

// nestedMap converts a map's values (fmt sorts the keys by their values:
// keys with methods are out of reach).
func (c *compiler) nestedMap(u *types.Map, same nestedConv, verb byte, depth int) (nestedConv, bool, bool) {
	kc, kChanged, ok := c.nestedStrings(u.Key(), verb, depth+1)
	if !ok {
		return same, false, false
	}
	if kChanged {
		return c.nestedMapKeys(u, same, kc, verb, depth)
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

// A failed type assertion x.(T) panics in yaegi with its own message
// ("interface conversion: nil is not main.I"); a lowered one (see
// lowerAssert) panics with Go's instead, from cellrt.AssertFailed: the
// name of x's dynamic type (as %T), of its static type and of T, T's
// methods if it is an interface, and the first of them each type of the
// cells lacks (yaegi's values of cell types have no methods for reflect).

// assertPanic returns the code that panics as Go does when x (its code
// xc), of static type xt, is not a T; where a name is not known, yaegi's
// assertion.
func (c *compiler) assertPanic(xc string, xt, t types.Type) string {
	inter, asserted := celltype.RuntimeTypeName(xt), celltype.RuntimeTypeName(t)
	dyn := c.dynamicTypeName(xt)
	if it, ok := xt.Underlying().(*types.Interface); ok && it.Empty() && dyn != "" {
		dyn = c.structTypeName(dyn)
	}
	if inter == "" || asserted == "" || dyn == "" {
		return "return " + xc + ".(" + c.types.TypeString(t) + ")"
	}
	args := []string{xc, strings.Replace(dyn, "\x00", xc, 1), strconv.Quote(inter), strconv.Quote(asserted), "nil"}
	if it, ok := t.Underlying().(*types.Interface); ok {
		var names []string
		for i := 0; i < it.NumMethods(); i++ {
			names = append(names, it.Method(i).Name())
		}
		sort.Strings(names)
		args[4] = "[]string{" + quoteAll(names) + "}"
		for _, impl := range c.cellTypes() {
			if m := celltype.MissingMethod(impl, it, names); m != "" && celltype.GoName(impl) != "" {
				args = append(args, strconv.Quote(celltype.GoName(impl)), strconv.Quote(m))
			}
		}
	}
	return "panic(" + RuntimeName + ".AssertFailed(" + strings.Join(args, ", ") + "))"
}

// structTypeName returns what names the dynamic type of a value in an
// empty interface (\x00 stands for it) when it is one of the cells' struct
// types of a shape no other type of the cells has (yaegi's reflect types
// have no names), or pointer to one; dyn otherwise.
func (c *compiler) structTypeName(dyn string) string {
	unique, _ := c.structShapes()
	var b strings.Builder
	for _, t := range c.cellTypes() {
		s, name, code := celltype.Shape(t, 0), celltype.GoName(t), c.types.TypeString(t)
		if unique[strings.TrimPrefix(s, "*")] && name != "" && code != "" {
			b.WriteString("if _, ok := v.(" + code + "); ok { return " + strconv.Quote(name) + " }; ")
		}
	}
	if b.Len() == 0 {
		return dyn
	}
	return "func(v any) string { " + b.String() + "return " + strings.Replace(dyn, "\x00", "v", 1) + " }(\x00)"
}

// cellTypes returns the package-level, non-generic named types of the
// cells that are not interfaces, T and *T.
func (c *compiler) cellTypes() []types.Type {
	scope := c.types.Scope()
	if scope == nil {
		return nil
	}
	var out []types.Type
	for _, name := range c.scopeNames() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || strings.HasPrefix(name, "__gk") {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams() == nil && !types.IsInterface(n) {
			out = append(out, n, types.NewPointer(n))
		}
	}
	return out
}

// quoteAll returns the quoted strings separated by commas.
func quoteAll(ss []string) string {
	var q []string
	for _, s := range ss {
		q = append(q, strconv.Quote(s))
	}
	return strings.Join(q, ", ")
}

// yaegi asserts no compiled value to an interface of the cells (x.(S) of
// a time.Duration in an any, with S interface{ String() string }, fails;
// so does err.(interface{ Unwrap() []error }) of errors.Join's error), but
// it asserts one to a compiled interface, whose value it converts to the
// cells' interface. An assertion to an interface of the cells with the
// method set of one of cellrt's compiled twins tries the twin last.

// twinTry returns the statement that returns x asserted to the compiled
// twin of t (then more, the rest of the results) if it holds, or "".
func (c *compiler) twinTry(x string, t types.Type, more string) string {
	tw := celltype.Twin(t)
	if tw == "" {
		return ""
	}
	return "if v, ok := " + x + ".(" + RuntimeName + "." + tw + "); ok { return v" + more + " }; "
}

// lowerCompiledAssert lowers x.(T), x a path of a compiled interface type
// (an error), that yaegi gets wrong: T an interface of the cells with a
// compiled twin; and a failing x.(T) of an interface T, to panic with Go's
// message. x is not copied (yaegi does not copy a value of a cell type in
// a compiled interface right).
func (c *compiler) lowerCompiledAssert(ta *ast.TypeAssertExpr, xt types.Type, commaOK bool) {
	t := c.types.ExprType(c.off(ta.Type.Pos()), c.off(ta.Type.End()))
	if t != nil && types.IsInterface(xt) && c.wrappable(ta.Type) {
		c.assertHeld(ta, xt, t, commaOK)
		return
	}
	if t == nil || !cellsrc.IsPath(ta.X) || !types.IsInterface(t) || !types.IsInterface(xt) {
		return
	}
	ts := c.types.TypeString(t)
	if ts == "" || commaOK && celltype.Twin(t) == "" && c.selfTries("", t) == "" {
		return
	}
	c.w.Add(c.off(ta.Pos()), c.off(ta.End()), func(*cellsrc.Rewriter) string {
		x := c.render(ta.X)
		if commaOK {
			return c.compiledAssertOK(x, t)
		}
		return "func() " + ts + " { if v, ok := " + c.compiledAssertOK(x, t) + "; ok { return v }; " + c.assertPanic(x, xt, t) + " }()"
	})
}

// assertHeld lowers ta, an assertion of x, a variable of an interface of
// a compiled package (error), to t, a struct type of the cells: yaegi holds
// such a value in its wrapper (interp._error) with only its last field, and
// asserts no struct type out of it (err.(E) was false). cellrt.Held gets
// the value back when the cells' only type whose values implement the
// interface is t and it has one field, and panics with a clear error when
// it cannot tell.
func (c *compiler) assertHeld(ta *ast.TypeAssertExpr, xt, t types.Type, commaOK bool) {
	ts := c.types.TypeString(t)
	if ts == "" || c.heldTry(t, "", "") == "" && c.nilPointerTry("", t, "") == "" && !c.typedTarget(t) {
		return
	}
	xts := c.types.TypeString(xt)
	if !cellsrc.IsPath(ta.X) && xts == "" {
		return
	}
	c.w.Add(c.off(ta.Pos()), c.off(ta.End()), func(*cellsrc.Rewriter) string {
		x := c.render(ta.X)
		if !cellsrc.IsPath(ta.X) {
			// items[1].(Rect): x is read several times, so once into a parameter
			if commaOK {
				return "func(__gkax " + xts + ") (" + ts + ", bool) { return " + c.compiledAssertOK("__gkax", t) + " }(" + x + ")"
			}
			return "func(__gkax " + xts + ") " + ts + " { if v, ok := " + c.compiledAssertOK("__gkax", t) + "; ok { return v }; " + c.assertPanic("__gkax", xt, t) + " }(" + x + ")"
		}
		if commaOK {
			return c.compiledAssertOK(x, t)
		}
		return "func() " + ts + " { if v, ok := " + c.compiledAssertOK(x, t) + "; ok { return v }; " + c.assertPanic(x, xt, t) + " }()"
	})
}

// compiledAssertOK returns the comma-ok assertion x.(t) of x, a path of a
// compiled interface type (an error), as yaegi gets it right: through
// cellrt.Held for a struct type of the cells (see assertHeld), through its
// compiled twin for an interface that has one (see lowerCompiledAssert).
func (c *compiler) compiledAssertOK(x string, t types.Type) string {
	ts := c.types.TypeString(t)
	if !types.IsInterface(t) && celltype.Mentions(t) && c.heldTry(t, "", "") != "" {
		return "func() (" + ts + ", bool) { var z " + ts + "; if v, ok := " + x + ".(" + ts + "); ok { return v, true }; " + c.heldTry(t, x, "z") + " return z, false }()"
	}
	if types.IsInterface(t) && (celltype.Twin(t) != "" || c.selfTries(x, t) != "") {
		return "func() (" + ts + ", bool) { if v, ok := " + x + ".(" + ts + "); ok { return v, true }; " + c.twinTry(x, t, ", true") + c.selfTries(x, t) + "var z " + ts + "; return z, false }()"
	}
	if c.typedTarget(t) {
		// yaegi asserts a Fahrenheit in a fmt.Stringer to Celsius: the
		// type the session's wrapper names decides (interpvalue.TypeNameMethod)
		return "func() (" + ts + ", bool) { __gkx := " + x + "; var z " + ts + "; if d := " + RuntimeName + ".DynType(&__gkx); d != \"\" && d != " + strconv.Quote(celltype.GoName(t)) + " { return z, false }; if v, ok := __gkx.(" + ts + "); ok { return v, true }; return z, false }()"
	}
	if try := c.nilPointerTry(x, t, "nil"); try != "" {
		return "func() (" + ts + ", bool) { if v, ok := " + x + ".(" + ts + "); ok { return v, true }; " + try + "return nil, false }()"
	}
	return x + ".(" + ts + ")"
}

// lowerCompiledCall lowers the operands of a call of a compiled function
// that sees values of the cells' types: fmt's print functions, context's
// keys.
func (c *compiler) lowerCompiledCall(call *ast.CallExpr) {
	c.lowerStringers(call)
	c.lowerContextKey(call)
	c.lowerJSONCall(call)
	c.lowerTemplateExecute(call)
	c.boxVariadic(call)
}

// A context key of a cell type (type ctxKey string) is, for the compiled
// context package, a value of its underlying type: ctxKey("user") finds
// the value of "user", and the keys of type a struct{} and b struct{} are
// the same. The key argument of context.WithValue and of the Value method
// of a context.Context, when its static type is a type of the cells, is
// given to cellrt.ContextKey, which pairs it with the type's name; a key
// of type any, to cellrt.ContextKeyOf, which pairs it when the
// interpreter kept the type of its value.

// lowerContextKey rewrites the key of a call of context.WithValue or
// Context.Value.
func (c *compiler) lowerContextKey(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return
	}
	key := -1
	switch {
	case fn.Name() == "WithValue" && len(call.Args) == 3:
		key = 1
	case fn.Name() == "Value" && len(call.Args) == 1 && fn.Type().(*types.Signature).Recv() != nil:
		key = 0
	default:
		return
	}
	x := call.Args[key]
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if it, ok := types.Unalias(t).(*types.Interface); ok && it.Empty() && !cellsrc.IsNil(x) {
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return RuntimeName + ".ContextKeyOf(" + c.boxedResult(x) + ")" // paired at run time
		})
		return
	}
	if t == nil || types.IsInterface(t) || !celltype.Mentions(t) {
		return
	}
	name := celltype.GoName(t)
	if name == "" {
		name = c.types.TypeString(t)
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return RuntimeName + ".ContextKey(" + strconv.Quote(name) + ", " + c.render(x) + ")"
	})
}
