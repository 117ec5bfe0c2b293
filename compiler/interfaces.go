package compiler

import (
	"go/ast"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/compiler/convert"
	"gokernel/compiler/jsonshadow"
	"slices"
	"strconv"
	"strings"
)

// Values of the cells' types becoming interface values: boxing, copies,
// conversions and errors.As (yaegi loses their types, holds them by
// reference, or hides them from compiled code), and what compiled code
// that receives them needs to know of the cells' types: their struct
// types and promoted String methods for fmt, their fields for encoders.

// boxedConversion rewrites any(x), a conversion to an empty interface of a
// value of a type of the cells with a String or Error method, as
// []any{x}[0]: yaegi's
// conversion dropped the value's type (fmt printed {4} for any(V{4}) of a
// V with a String method); an element of a composite literal keeps it.
func (c *compiler) boxedConversion(call *ast.CallExpr) {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.InterfaceType:
	case *ast.Ident:
		if _, ok := c.types.Use(c.off(f.Pos())).(*types.TypeName); !ok {
			return
		}
	default:
		return
	}
	t := c.types.ExprType(c.off(call.Pos()), c.off(call.End()))
	if it, ok := t.(*types.Interface); t == nil || !ok && !types.IsInterface(t) || ok && !it.Empty() {
		return
	}
	if it, ok := t.Underlying().(*types.Interface); !ok || !it.Empty() {
		return
	}
	at := c.types.ExprType(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()))
	_, param := types.Unalias(at).(*types.TypeParam) // its type argument may be a type of the cells (yaegi made any(v) of a Money an int64)
	if at == nil || types.IsInterface(at) && !param {
		return
	}
	if !param && (!celltype.Mentions(at) || !celltype.KeepsTypeOrMethods(at)) {
		return // yaegi keeps the type of values with methods only
	}
	c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string {
		return "[]" + c.render(call.Fun) + "{" + c.render(call.Args[0]) + "}[0]"
	})
}

// boxedLiteral rewrites x, a composite literal of a type of the cells with
// methods given to a variable of an interface type dst, as T(x): yaegi
// stored the literal without its type, not the conversion (fmt printed {4}
// for var a any = V{4} of a V with a String method, var err error = E{3}
// crashed compiled calls given err: reflect.Set ... not assignable).
func (c *compiler) boxedLiteral(x ast.Expr, dst types.Type) {
	lit, ok := ast.Unparen(x).(*ast.CompositeLit)
	if !ok || lit.Type == nil || dst == nil {
		return
	}
	if !types.IsInterface(dst) {
		return
	}
	t := c.types.ExprType(c.off(lit.Pos()), c.off(lit.End()))
	if t == nil || !celltype.KeepsTypeOrMethods(t) {
		return
	}
	c.w.Add(c.off(lit.Pos()), c.off(lit.End()), func(*cellsrc.Rewriter) string {
		return "(" + c.render(lit.Type) + ")(" + c.render(lit) + ")"
	})
}

// yaegi holds a value of a struct or array type of the cells with methods
// in an interface by reference to where it was: a variable changed later,
// a loop variable or a call's result slot used again, changed the
// interface's value (a []fmt.Stringer appended to in a loop held the last
// element n times). Such a value, converted to an interface, is copied
// into a fresh array first: x -> []T{x}[0].

// copyIntoInterfaces copies the operands of n (see convert.Operands) that
// become interface values and yaegi would hold by reference. A compiled
// function is given copies only as values of empty interfaces (its
// errors.Is compares its targets as yaegi passes them); fmt's and log's
// print functions none (they print at once).
func (c *compiler) copyIntoInterfaces(n ast.Node) {
	if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && c.isTypeExpr(call.Fun) {
		c.interfaceConversion(call)
		return
	}
	copyInto := c.copyIntoInterface
	if call, ok := n.(*ast.CallExpr); ok && c.compiledFunc(call.Fun) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name != "Errorf" {
			if id, ok := sel.X.(*ast.Ident); ok && (c.isPackage(id, "fmt") || c.isPackage(id, "log")) {
				return
			}
		}
		copyInto = func(x ast.Expr, to types.Type) {
			if it, ok := to.Underlying().(*types.Interface); ok && it.Empty() {
				c.copyInto(x, to, false) // not marked: see jsonshadow.Mark
			}
		}
	}
	convert.Operands(n, convertInfo{c}, copyInto)
}

// copyIntoInterface copies x when it becomes a value of to, an interface:
// into a fresh array for an empty interface (a composite literal is
// fresh), through a call's own frame for another (yaegi's wrapper of a
// compiled interface calls the methods on the value where it was, even a
// composite literal's slot).
func (c *compiler) copyIntoInterface(x ast.Expr, to types.Type) { c.copyInto(x, to, true) }

// copyInto is copyIntoInterface; mark says whether a slice or map of the
// cells' types with JSON methods is marked (jsonshadow.Mark): not for a
// compiled function.
func (c *compiler) copyInto(x ast.Expr, to types.Type, mark bool) {
	if to == nil {
		return
	}
	it, ok := to.Underlying().(*types.Interface)
	if _, isParam := types.Unalias(to).(*types.TypeParam); isParam || !ok {
		return
	}
	_, isLit := ast.Unparen(x).(*ast.CompositeLit)
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return
	}
	if name := jsonshadow.Mark(t); name != "" && it.Empty() && mark {
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return RuntimeName + ".JSONMark(" + c.render(x) + ", " + strconv.Quote(name) + ")"
		})
		return
	}
	ts, tos := c.types.TypeString(t), c.types.TypeString(to)
	if ts == "" || tos == "" || !celltype.HeldByReference(t) || isLit && it.Empty() {
		return
	}
	if _, nilCheck := c.nilCheckable(x, to); nilCheck != "" {
		return // copied by nilChecked's call
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		if it.Empty() {
			return "[]" + ts + "{" + c.render(x) + "}[0]"
		}
		return "func(__gkc " + ts + ") " + tos + " { return __gkc }(" + c.render(x) + ")"
	})
}

// interfaceConversion writes I(x), a conversion of x of a type of the
// cells to a non-empty interface type, as a return from a call: yaegi
// gave the variable e of e := error(x) x's type (e = errors.New("")
// then panicked: "reflect.Set: value of type *struct {...} is not
// assignable to type error"), and held x by reference.
func (c *compiler) interfaceConversion(call *ast.CallExpr) {
	x := call.Args[0]
	to, t := c.types.ExprType(c.off(call.Pos()), c.off(call.End())), c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if to == nil {
		return // without types (the native tier's builds)
	}
	it, ok := to.Underlying().(*types.Interface)
	if !ok || it.Empty() || t == nil || types.IsInterface(t) || !celltype.Mentions(t) {
		return
	}
	if ts, tos := c.types.TypeString(t), c.types.TypeString(to); ts != "" && tos != "" {
		c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string {
			return "func(__gkc " + ts + ") " + tos + " { return __gkc }(" + c.render(x) + ")"
		})
	}
}

// copyReturns applies copyIntoInterface to the results the returns of
// body, a function's of signature sig, give.
func (c *compiler) copyReturns(sig *types.Signature, body *ast.BlockStmt) {
	convert.Returns(body, sig.Results(), c.copyIntoInterface)
}

// convertInfo is the cell's type information for package convert.
type convertInfo struct{ c *compiler }

func (i convertInfo) TypeOf(x ast.Expr) types.Type {
	return i.c.types.ExprType(i.c.off(x.Pos()), i.c.off(x.End()))
}

func (i convertInfo) IsType(x ast.Expr) bool { return i.c.isTypeExpr(x) }

// yaegi's compiled errors.As sees neither the types nor the interfaces of
// the cells (it panicked: "errors: *target must be interface or implement
// error"). errors.As(err, target) with a target of a type of the cells is
// a walk of err's chain by the kernel (cellrt.ErrorsAs, which also sees
// the cells' Unwrap methods) that calls back interpreted code asserting
// each error to the target's type, as yaegi asserts a compiled interface:
//
//	func(e error, p *T) bool { if p == nil { panic(...) }; return __gkrt.ErrorsAs(e, func(e error) bool { if v, ok := e.(T); ok { *p = v; return true }; return false }) }(err, target)
//
// An As method of the cells' errors is called by the walk, as Go's errors.As calls it.

// lowerErrorsAs lowers errors.As(err, target) when target's type points
// to a type of the cells or to an interface type the cells write.
func (c *compiler) lowerErrorsAs(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "As" || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || !c.isPackage(pkg, "errors") {
		return
	}
	ptr, ok := c.types.ExprType(c.off(call.Args[1].Pos()), c.off(call.Args[1].End())).(*types.Pointer)
	if !ok {
		return
	}
	elem := ptr.Elem()
	named, isNamed := types.Unalias(elem).(*types.Named)
	compiled := isNamed && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() != "main"
	ts := c.types.TypeString(elem)
	if ts == "" || types.Identical(elem, types.Universe.Lookup("error").Type()) {
		return
	}
	if compiled || !celltype.Mentions(elem) && !types.IsInterface(elem) {
		// a compiled type (*strconv.NumError): compiled errors.As, then,
		// when the cells have errors with Unwrap methods, which it does
		// not see, the kernel's walk of the chain through them
		if c.cellMethod("Unwrap") == "" && c.cellMethod("As") == "" || types.IsInterface(elem) {
			return
		}
		e, p, v := c.temp("e"), c.temp("e"), c.temp("e")
		as := c.asMethodCall(e, p)
		c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string {
			return "func(" + e + " error, " + p + " *" + ts + ") bool { return " + c.render(call.Fun) + "(" + e + ", " + p + ") || " + RuntimeName + ".ErrorsAs(" + e + ", func(" + e + " error) bool { if " + v + ", ok := " + e + ".(" + ts + "); ok { *" + p + " = " + v + "; return true }; " + as + "return false }) }(" + c.render(call.Args[0]) + ", " + c.render(call.Args[1]) + ")"
		})
		return
	}
	e, p, v := c.temp("e"), c.temp("e"), c.temp("e")
	as := c.asMethodCall(e, p)
	c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string {
		return "func(" + e + " error, " + p + " *" + ts + ") bool { if " + p + " == nil { panic(\"errors: target must be a non-nil pointer\") }; return " + RuntimeName + ".ErrorsAs(" + e + ", func(" + e + " error) bool { if " + v + ", ok := " + c.errorAssertOK(e, elem) + "; ok { *" + p + " = " + v + "; return true }; " + as + "return false }) }(" + c.render(call.Args[0]) + ", " + c.render(call.Args[1]) + ")"
	})
}

// asMethodCall returns the code that calls the As method of e, an error
// of the chain errors.As walks, with the target p, when the cells declare
// such a method (Go's errors.As calls it after the type did not match).
func (c *compiler) asMethodCall(e, p string) string {
	scope := c.types.Scope()
	if c.cellMethod("As") == "" || scope == nil {
		return ""
	}
	// each type of the cells with As(any) bool, asserted as the kernel
	// asserts errors (yaegi's wrapper of the value has no As)
	var b strings.Builder
	x := c.temp("e")
	for _, name := range c.scopeNames() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			sel := types.NewMethodSet(t).Lookup(nil, "As")
			if sel == nil || c.types.TypeString(t) == "" || !types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
				continue
			}
			if sig := sel.Type().(*types.Signature); sig.Params().Len() != 1 || sig.Results().Len() != 1 || !types.IsInterface(sig.Params().At(0).Type()) || sig.Results().At(0).Type().String() != "bool" {
				continue
			}
			b.WriteString("if " + x + ", ok := " + c.errorAssertOK(e, t) + "; ok && " + x + ".As(" + p + ") { return true }; ")
		}
	}
	return b.String()
}

// errorAssertOK returns the comma-ok assertion x.(t) of x, an error.
func (c *compiler) errorAssertOK(x string, t types.Type) string {
	if celltype.ErrorToCellInterface(t) {
		if ok := c.assertOKType(func() string { return x }, types.Universe.Lookup("error").Type(), t); ok != nil {
			return ok()
		}
	}
	return c.compiledAssertOK(x, t)
}

// cellMethod returns the name of a method called method of a type of the
// cells ("*T.As"), or "".
func (c *compiler) cellMethod(method string) string {
	scope := c.types.Scope()
	if scope == nil {
		return ""
	}
	for _, name := range c.scopeNames() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if sel := types.NewMethodSet(t).Lookup(nil, method); sel != nil {
				return c.types.TypeString(t) + "." + method
			}
		}
	}
	return ""
}

// betweenInterfaces reports whether x.(T) asserts a value of an
// interface of a compiled package to another interface that yaegi gets
// wrong: it keeps a value of a type of the cells in a wrapper that has
// only the first one's methods (io.Writer to io.Reader never held, nor
// error or fmt.Stringer to an interface of the cells with more methods).
func (c *compiler) betweenInterfaces(xt types.Type, t ast.Expr) bool {
	tt := c.types.ExprType(c.off(t.Pos()), c.off(t.End()))
	if xt == nil || tt == nil || !types.IsInterface(xt) || !types.IsInterface(tt) {
		return false
	}
	if celltype.ErrorToCellInterface(tt) {
		return true // an interface of the cells: its implementers are tried
	}
	return !types.Identical(xt, types.Universe.Lookup("error").Type()) && !celltype.Mentions(tt)
}

// tagStructFields tags the fields of the struct type ts declares: the
// unexported ones are hidden from encoding/json and encoding/xml (yaegi
// exports them), and the first field holds the type's name (typeTag), so
// that two struct types of the cells with the same fields are two reflect
// types: yaegi's values of them, without names, were the same (a Cat and
// a Bird in an interface were ==, one map key, and assertions could not
// tell them apart).
func (c *compiler) tagStructFields(ts *ast.TypeSpec) {
	st, ok := ts.Type.(*ast.StructType)
	if !ok || st.Fields == nil {
		return
	}
	const hidden = `json:"-" xml:"-"`
	for i, f := range st.Fields.List {
		var add []string
		if len(f.Names) == 0 && c.embedsNonStruct(f) && f.Tag == nil {
			add = append(add, `json:"-"`) // encoding/json ignores it; yaegi gives it a name
		}
		if len(f.Names) > 0 && !slices.ContainsFunc(f.Names, (*ast.Ident).IsExported) {
			add = append(add, hidden)
		}
		if i == 0 && ts.TypeParams == nil {
			add = append(add, celltype.TypeTag(ts.Name.Name))
		}
		if len(add) == 0 {
			continue
		}
		if f.Tag == nil {
			c.w.Insert(c.off(f.Type.End()), " "+quoteTag(strings.Join(add, " ")))
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		if slices.Contains(add, hidden) {
			tag = hidden + " " + tag // before: a malformed tag stops reflect's lookup
			add = slices.DeleteFunc(add, func(s string) bool { return s == hidden })
		}
		c.w.Replace(c.off(f.Tag.Pos()), c.off(f.Tag.End()), strconv.Quote(strings.TrimSpace(strings.Join(append([]string{tag}, add...), " "))))
	}
}

// quoteTag writes the struct tag s as a raw string where it can.
func quoteTag(s string) string {
	if strings.Contains(s, "`") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}

// embedsNonStruct reports whether f embeds an unexported type that is not
// a struct nor a pointer to one.
func (c *compiler) embedsNonStruct(f *ast.Field) bool {
	t := c.types.ExprType(c.off(f.Type.Pos()), c.off(f.Type.End()))
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		n, ok = types.Unalias(p.Elem()).(*types.Named)
	}
	return ok && !n.Obj().Exported() && !celltype.IsStruct(n)
}

// jsonValueArg are the functions and methods of encoding/json with a
// value, and its argument.
var jsonValueArg = map[string]int{"Marshal": 0, "MarshalIndent": 0, "Unmarshal": 1, "Encode": 0, "Decode": 0}

// xmlValueArg are the functions and methods of encoding/xml with a
// value, and its argument.
var xmlValueArg = map[string]int{"Marshal": 0, "MarshalIndent": 0, "Unmarshal": 1, "Encode": 0, "Decode": 0, "EncodeElement": 0, "DecodeElement": 0}

// lowerJSONCall writes a call of encoding/json whose value holds the
// cells' types with JSON methods or embedded structs through a shadow
// (package jsonshadow), and refuses one whose shadow cannot be written;
// encoding/xml's Marshal of the cells' structs gets their element name.
func (c *compiler) lowerJSONCall(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok {
		return
	}
	if i, isValue := xmlValueArg[fn.Name()]; isValue && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/xml" && i < len(call.Args) {
		x := call.Args[i]
		if owner, method := celltype.EncodingMethod(c.types.ExprType(c.off(x.Pos()), c.off(x.End())), celltype.XMLMethods, map[types.Type]bool{}); owner != "" {
			c.errorAt(c.off(x.Pos()), "encoding/xml cannot call the %s method of %s in the interpreter (its compiled code does not see the cells' methods)%s", method, owner, OrCompile)
			return
		}
	}
	if ok && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/xml" && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent" || fn.Name() == "Encode") && len(call.Args) > 0 {
		if name := celltype.XMLElementName(c.types.ExprType(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()))); name != "" {
			x := call.Args[0]
			c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
				return RuntimeName + ".XMLNamed(" + c.render(x) + ", " + strconv.Quote(name) + ")"
			})
		}
	}
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return
	}
	i, ok := jsonValueArg[fn.Name()]
	if !ok || i >= len(call.Args) {
		return
	}
	x := call.Args[i]
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	// the methods of the cells' types: through a shadow (package jsonshadow)
	env := jsonshadow.Env{TypeString: c.types.TypeString, Runtime: RuntimeName, Scope: c.types.Scope(),
		Assert: func(x string, from, to types.Type) string {
			// a struct without methods is held bare: its fields tell it
			// (a type of the same fields encodes the same)
			if n, ok := types.Unalias(to).(*types.Named); ok && celltype.IsStruct(n) && !celltype.KeepsType(n) {
				return ""
			}
			if gen := c.assertOKType(func() string { return x }, from, to); gen != nil {
				return gen()
			}
			return ""
		}}
	write := func(render func(ast.Node) string) (string, error) {
		args := make([]string, len(call.Args))
		for j, a := range call.Args {
			args[j] = render(a)
		}
		return jsonshadow.Call(env, fn.Name(), t, render(call.Fun), render(sel.X), args, i)
	}
	_, err := write(func(ast.Node) string { return "x" })
	if err == nil {
		c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string { s, _ := write(c.render); return s })
		return
	}
	if owner, field := celltype.EmbeddedStruct(t, map[types.Type]bool{}); owner != "" {
		c.errorAt(c.off(x.Pos()), "encoding/json does not see the embedded field %s of %s in the interpreter (it would not promote its fields): name the field and give it a JSON key (%s %s `json:\"...\"`)%s", field, owner, field, field, OrCompile)
		return
	}
	if owner, method := celltype.JSONMethod(t, map[types.Type]bool{}); owner != "" && err != jsonshadow.ErrNotNeeded {
		c.errorAt(c.off(x.Pos()), "encoding/json cannot call the %s method of %s in the interpreter here (%v)%s", method, owner, err, OrCompile)
		return
	}
	for p, ok := types.Unalias(t).(*types.Pointer); ok; p, ok = types.Unalias(t).(*types.Pointer) {
		t = p.Elem()
	}
	if t != nil && !strings.HasPrefix(fn.Name(), "Un") && fn.Name() != "Decode" && (celltype.HoldsInterface(t, 0) || types.IsInterface(t) && t.Underlying().(*types.Interface).Empty()) {
		// values of the cells' types in interfaces: see interpvalue.Bare
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return RuntimeName + ".Bare(" + c.render(x) + ")" })
	}
}

// promotedFmtMethods returns the registrations (see fmtMethod) of the
// String and Error methods that n, a struct type the cell declares (ts),
// has from its embedded fields: fmt calls them on its values too.
func (c *compiler) promotedFmtMethods(n *types.Named, ts *ast.TypeSpec) string {
	if _, ok := n.Underlying().(*types.Struct); !ok || n.TypeParams() != nil || ts.TypeParams != nil || ts.Assign.IsValid() {
		return ""
	}
	var src string
	for _, name := range []string{"String", "Error"} {
		for _, typ := range []types.Type{n, types.NewPointer(n)} {
			sel := types.NewMethodSet(typ).Lookup(n.Obj().Pkg(), name)
			if sel == nil || len(sel.Index()) < 2 || celltype.StringMethod(types.NewMethodSet(typ), name) == nil {
				continue // none, or declared on n itself (fmtMethod)
			}
			recv := ts.Name.Name
			if _, ptr := typ.(*types.Pointer); ptr {
				recv = "*" + recv
			}
			src += "\nvar _ = " + RuntimeName + ".FmtMethod(" + strconv.Quote(recv) + ", " + strconv.Quote(name) +
				", func(v " + recv + ") string { return v." + name + "() })"
		}
	}
	return src
}

// lowerTemplateExecute wraps the error of t.Execute(w, data) and
// t.ExecuteTemplate(w, name, data) of text/template and html/template in
// cellrt.TemplateError with the names of the methods of the cells' types
// data may hold: templates call methods through reflect, which does not
// see the cells' (can't evaluate field Total in type struct {...}); such
// an error becomes a clear panic, and other errors name the cells' types.
func (c *compiler) lowerTemplateExecute(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Execute" && sel.Sel.Name != "ExecuteTemplate" || len(call.Args) < 2 {
		return
	}
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "text/template" && fn.Pkg().Path() != "html/template" {
		return
	}
	data := call.Args[len(call.Args)-1]
	methods, printed, dispatch := celltype.TemplateNames(c.types.ExprType(c.off(data.Pos()), c.off(data.End())), c.cellTypes(), c.types.TypeString, RuntimeName)
	if len(methods) == 0 && len(printed) == 0 {
		return
	}
	tt := c.types.TypeString(c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End())))
	c.w.Add(c.off(call.Pos()), c.off(call.End()), func(w *cellsrc.Rewriter) string {
		exec := w.Render(c.off(call.Pos()), c.off(call.End()))
		if tt != "" {
			// the cells' methods it calls, the fields it prints with their
			// String methods: through the dispatcher (interpvalue.TemplateHooks)
			args := make([]string, len(call.Args))
			for i, a := range call.Args {
				args[i] = c.render(a)
			}
			exec = "func(__gkt " + tt + ") error { " + RuntimeName + ".TemplateHooks(__gkt, " + dispatch + ", []string{" + strings.Join(methods, ", ") + "}" + strings.Join(append([]string{""}, printed...), ", ") + "); return __gkt." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ") }(" + c.render(sel.X) + ")"
		}
		return w.Directive(c.off(call.Pos())) + RuntimeName + ".TemplateError(" + exec + ", " + strings.Join(append([]string{}, methods...), ", ") + ")"
	})
}

// boxIntoCompiledFields converts an operator's result assigned to an
// interface field of a compiled struct (r.Value = i * i of a *ring.Ring,
// e.Value = s + "!" of a list element) to the field's type: yaegi left the
// function silently at such an assignment, running none of what follows.
func (c *compiler) boxIntoCompiledFields(as *ast.AssignStmt) {
	if as.Tok.String() != "=" || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		f, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Var)
		if !ok || !f.IsField() || f.Pkg() == nil || f.Pkg().Path() == "main" || !types.IsInterface(f.Type()) {
			continue
		}
		x := as.Rhs[i]
		switch ast.Unparen(x).(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr:
		default:
			continue
		}
		if ts := c.types.TypeString(f.Type()); ts != "" {
			c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return ts + "(" + c.render(x) + ")" })
		}
	}
}
