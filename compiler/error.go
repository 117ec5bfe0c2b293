package compiler

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"slices"
	"strconv"
	"strings"
)

// Error is an error of a cell before it becomes a pipe.Error.
type Error struct {
	Name, Msg string
	// Line and Col are 0 when the position is unknown; Line encodes the
	// cell (see cellLine), serial 0 being the cell that runs.
	Line, Col int
	// Frames are the further interpreted Frames of a panic, innermost first.
	Frames []Frame
	// Notes are further lines of the traceback (the goroutines of a
	// deadlock or an interrupt).
	Notes []string
}

func (e *Error) Error() string { return e.Name + ": " + e.Msg }

// Frame is one interpreted frame of a panic: a position (Line encodes the
// cell, see cellsrc.CellLine) and the function it is in.
type Frame struct {
	Line, Col int
	Func      string
}

// InLabel is "In [n]" as Jupyter shows the cell.
func InLabel(count int) string {
	if count <= 0 {
		return "In [ ]"
	}
	return "In [" + strconv.Itoa(count) + "]"
}

// What yaegi v0.16.1 cannot do is refused before evaluation, with the
// construct and a workaround, rather than failing with an obscure message.

const OrCompile = ", or run the cell compiled with %%compile"

// Unavailable maps package members that are missing from the interpreter
// to their workaround. Members of slices and maps not listed in available
// are all missing.
var Unavailable = map[string]string{
	"slices.Sort":           "use sort.Ints, sort.Strings, sort.Float64s or sort.Slice",
	"slices.SortFunc":       "use sort.Slice(s, func(i, j int) bool { ... })",
	"slices.SortStableFunc": "use sort.SliceStable(s, func(i, j int) bool { ... })",
	"slices.IsSorted":       "use sort.IntsAreSorted, sort.StringsAreSorted or sort.SliceIsSorted",
	"slices.BinarySearch":   "use sort.SearchInts, sort.SearchStrings or sort.Search",
	"slices.Max":            "use a loop, or max(a, b)",
	"slices.Min":            "use a loop, or min(a, b)",
	"slices.Reverse":        "use a loop: for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 { s[i], s[j] = s[j], s[i] }",
	"slices.Clone":          "use append([]T(nil), s...)",
	"slices.Insert":         "use append and copy",
	"slices.Delete":         "use append(s[:i], s[j:]...)",
	"maps.Keys":             "use a loop: for k := range m { keys = append(keys, k) }",
	"maps.Values":           "use a loop: for _, v := range m { vals = append(vals, v) }",
	"maps.Clone":            "use a loop that copies the entries into a new map",
	"maps.Copy":             "use a loop: for k, v := range src { dst[k] = v }",
}

// available are the members of slices and maps that work.
var available = map[string]bool{
	"slices.Contains": true, "slices.ContainsFunc": true, "slices.Index": true, "slices.IndexFunc": true,
	"maps.DeleteFunc": true,
}

// checkSelector refuses pkg.Name when the interpreter lacks it.
func (c *compiler) checkSelector(sel *ast.SelectorExpr) {
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Obj != nil || c.userDefined(pkg.Name) {
		return
	}
	name := pkg.Name + "." + sel.Sel.Name
	hint, missing := Unavailable[name]
	if !missing && (pkg.Name == "slices" || pkg.Name == "maps") && !available[name] {
		hint, missing = "write the loop by hand", true
	}
	if missing {
		c.errorAt(c.off(sel.Pos()), "%s is not available in the interpreter: %s%s", name, hint, OrCompile)
		return
	}
	if what := celltype.StdGeneric(c.types.Use(c.off(sel.Sel.Pos()))); what != "" {
		c.errorAt(c.off(sel.Pos()), "%s is a generic %s of the standard library, which the interpreter cannot instantiate (of the standard library's generic functions, cells run those of slices, maps and cmp, iter.Seq, iter.Pull, sync.OnceValue(s) and atomic.Pointer)%s", name, what, OrCompile)
	}
}

// checkVariadicGeneric declares a generic func with a variadic parameter
// of a type mentioning its type parameters (func Max[T cmp.Ordered](xs
// ...T) T), which yaegi cannot instantiate, with a slice parameter
// instead: its calls pass a slice (variadicGenericCall).
func (c *compiler) checkVariadicGeneric(fd *ast.FuncDecl) {
	if fd.Type.TypeParams == nil || fd.Type.Params.NumFields() == 0 {
		return
	}
	last := fd.Type.Params.List[len(fd.Type.Params.List)-1]
	ell, ok := last.Type.(*ast.Ellipsis)
	if !ok {
		return
	}
	if fn, ok := c.types.Def(c.off(fd.Name.Pos())).(*types.Func); ok && celltype.VariadicGeneric(fn) {
		c.w.Replace(c.off(ell.Pos()), c.off(ell.Pos())+len("..."), "[]")
		return
	}
	tparams := map[string]bool{}
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			tparams[n.Name] = true
		}
	}
	if firstKey(cellsrc.RefsOf(ell.Elt), tparams) != "" { // no types
		c.errorAt(c.off(last.Pos()), "variadic generic functions (%s(... ...%s)) are not supported by the interpreter: take a slice instead (xs []%s) and call %s([]T{...})%s",
			fd.Name.Name, c.text(ell.Elt), c.text(ell.Elt), fd.Name.Name, OrCompile)
	}
}

// variadicGenericCall passes the variadic arguments of a call of a
// function checkVariadicGeneric declares with a slice parameter as a
// slice: F(a, x, y) is F(a, []T{x, y}), F(a) is F(a, nil) and F(a, s...)
// is F(a, s), as Go makes the parameter. It reports whether call is one.
func (c *compiler) variadicGenericCall(call *ast.CallExpr) bool {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	id, ok := fun.(*ast.Ident)
	if !ok {
		return false
	}
	fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func)
	if !ok || !celltype.VariadicGeneric(fn) {
		return false
	}
	c.variadicCalled[id] = true
	if call.Ellipsis.IsValid() {
		c.w.Replace(c.off(call.Ellipsis), c.off(call.Ellipsis)+len("..."), "")
		c.variadicArgs[call] = call.Args
		return true
	}
	inst, ok := c.types.Instance(c.off(id.Pos()))
	sig, isSig := inst.Type.(*types.Signature)
	if !ok || !isSig {
		return true
	}
	n := sig.Params().Len()
	slice := c.types.TypeString(sig.Params().At(n - 1).Type())
	if slice == "" {
		c.errorAt(c.off(call.Pos()), "the variadic arguments of %s cannot be written as a slice here: pass a slice (%s(xs...))%s", id.Name, id.Name, OrCompile)
		return true
	}
	vargs := call.Args[n-1:]
	c.variadicArgs[call] = append(slices.Clip(call.Args[:n-1]), &sliceArg{pos: call.Rparen, end: call.Rparen, typ: slice, code: func() string {
		if len(vargs) == 0 {
			return "nil"
		}
		var elems []string
		for _, a := range vargs {
			elems = append(elems, c.render(a))
		}
		return slice + "{" + strings.Join(elems, ", ") + "}"
	}})
	if len(vargs) > 0 {
		c.variadicArgs[call][n-1].(*sliceArg).pos, c.variadicArgs[call][n-1].(*sliceArg).end = vargs[0].Pos(), vargs[len(vargs)-1].End()
	}
	if len(call.Args) < n {
		sep := ", "
		if len(call.Args) == 0 || strings.Contains(c.w.Text(c.off(call.Args[len(call.Args)-1].End()), c.off(call.Rparen)), ",") {
			sep = ""
		}
		c.w.Insert(c.off(call.Rparen), sep+"nil")
		return true
	}
	start, end := c.off(call.Args[n-1].Pos()), c.off(call.Args[len(call.Args)-1].End())
	c.w.Add(start, end, func(w *cellsrc.Rewriter) string { return slice + "{" + w.Render(start, end) + "}" })
	return true
}

// sliceArg is the variadic arguments of a call of a variadic generic
// function as the one slice variadicGenericCall passes (for the lowerings
// that write a call's arguments one by one: go and defer statements).
type sliceArg struct {
	ast.Expr           // none: the methods below
	pos, end token.Pos // the arguments'
	typ      string    // the slice type
	code     func() string
}

// Pos and End are the positions of the arguments.
func (s *sliceArg) Pos() token.Pos { return s.pos }
func (s *sliceArg) End() token.Pos { return s.end }

// callArgs returns the arguments of call as its code passes them, and
// whether it passes the last one with "...": the variadic arguments of a
// variadic generic function are one slice (variadicGenericCall).
func (c *compiler) callArgs(call *ast.CallExpr) ([]ast.Expr, bool) {
	if args, ok := c.variadicArgs[call]; ok {
		return args, false
	}
	return call.Args, call.Ellipsis.IsValid()
}

// errorAt records a compile error at cell offset off.
func (c *compiler) errorAt(off int, format string, args ...any) {
	l, col := c.w.LineCol(off)
	c.errs = append(c.errs, &Error{Name: "CompileError", Msg: fmt.Sprintf(format, args...), Line: l, Col: col})
}

// checkInterfaceKey refuses a map keyed by a non-empty interface type of
// the cells: yaegi keeps its keys in wrappers that differ for equal values
// (two Key{"a"} in a Named are two keys), and panics indexing it with a
// value of a concrete type.
func (c *compiler) checkInterfaceKey(m *ast.MapType) {
	if kt := c.types.ExprType(c.off(m.Key.Pos()), c.off(m.Key.End())); kt != nil && celltype.IsCellInterface(kt) {
		c.errorAt(c.off(m.Pos()), "maps keyed by an interface type of the cells (%s) are not supported by the interpreter: it tells equal keys apart; key the map by a concrete type, or a string made of the key%s", c.text(m), OrCompile)
	}
}

// anyMapKey rewrites key, a key of the map m keyed by an empty interface,
// as __gkMapKey(key), the prelude's call of cellrt.MapKey, which refuses
// a value of a type of the cells that yaegi keeps in a wrapper: equal
// values made apart do not share it, so counts[Kind("a")] missed the
// entry counts[e.Kind] made. Given as a variable of an interface type,
// the value reaches MapKey in its wrapper (a Dog{"a"} given to a compiled
// any parameter came bare, and was not refused).
func (c *compiler) anyMapKey(m, key ast.Expr) {
	if t := c.types.ExprType(c.off(m.Pos()), c.off(m.End())); t != nil {
		c.mapKeyOf(t, key)
	}
}

// mapKeyOf is anyMapKey for a key of a map of type t.
func (c *compiler) mapKeyOf(t types.Type, key ast.Expr) {
	mt, ok := t.Underlying().(*types.Map)
	if !ok {
		return
	}
	if it, ok := mt.Key().Underlying().(*types.Interface); !ok || !it.Empty() {
		return
	}
	kt := c.types.ExprType(c.off(key.Pos()), c.off(key.End()))
	if kt == nil || !types.IsInterface(kt) && !celltype.Mentions(kt) {
		return // a compiled value: compared as Go does
	}
	c.w.Add(c.off(key.Pos()), c.off(key.End()), func(*cellsrc.Rewriter) string {
		return "__gkMapKey(" + c.render(key) + ")" // a variable of an interface type: yaegi gives it to MapKey in its wrapper
	})
}

// mapLiteralKeys is anyMapKey for the keys of the map literal lit.
func (c *compiler) mapLiteralKeys(lit *ast.CompositeLit) {
	t := c.types.ExprType(c.off(lit.Pos()), c.off(lit.End()))
	if t == nil {
		return
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			c.mapKeyOf(t, kv.Key)
		}
	}
}

// yaegi cannot keep a nil pointer of a type of the cells in an interface of a compiled package with methods (error,
// fmt.Stringer, io.Reader): the interface is nil, so err != nil is false
// where Go's is true (the typed-nil pitfall). Where such a value becomes
// one (a return, an assignment, a var with a type, an argument of a
// function of the cells), the
// cell compiler checks it: a nil one panics with a clear error rather than
// go on differently from Go.

// nilChecked rewrites x, converted to type to, to panic when it is a nil
// pointer of a type of the cells and to is an interface of a compiled
// package with methods.
func (c *compiler) nilChecked(x ast.Expr, to types.Type) {
	from, ts := c.nilCheckable(x, to)
	if ts == "" {
		return
	}
	msg := strconv.Quote("a nil " + types.TypeString(from, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	}) + " converted to " + types.TypeString(to, func(p *types.Package) string { return p.Name() }) +
		": the interpreter cannot hold a nil value of a type of the cells in an interface of a compiled package (it would be a nil interface, unlike Go's): return or assign nil itself, or run the cell compiled with %%compile")
	if types.Identical(to, types.Universe.Lookup("error").Type()) {
		// a non-nil error holding the nil pointer (interpvalue.NilPointer)
		name := strconv.Quote(celltype.GoName(from))
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return "func(v " + ts + ") error { if v == nil { return " + RuntimeName + ".NilPointer(" + name + ", func() string { return v.Error() }) }; return v }(" + c.render(x) + ")"
		})
		return
	}
	// the interface's type as the result: a call's *Plain given to an
	// io.Writer parameter was "reflect.Set: ... not assignable" in yaegi
	rt := ts
	if it := c.types.TypeString(to); it != "" {
		rt = it
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "func(v " + ts + ") " + rt + " { if v == nil { panic(" + RuntimeName + ".TypedNil(" + msg + ")) }; return v }(" + c.render(x) + ")"
	})
}

// nilCheckable returns the type of x and its source when nilChecked
// rewrites x, converted to to: x is a pointer of a type of the cells, not
// made by & or a literal, and to an interface of a compiled package with
// methods. The rewrite goes through a call's own frame, which also copies
// the pointer (see copyInto).
func (c *compiler) nilCheckable(x ast.Expr, to types.Type) (types.Type, string) {
	if to == nil || !types.IsInterface(to) {
		return nil, ""
	}
	if n, ok := types.Unalias(to).(*types.Named); !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		if !ok || n.Obj().Pkg() != nil { // error is the universe's
			return nil, ""
		}
	}
	if it, ok := to.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return nil, ""
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr: // &T{...}, &v
		if x.Op == token.AND {
			return nil, ""
		}
	case *ast.CompositeLit, *ast.FuncLit:
		return nil, ""
	}
	from := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if from == nil || types.IsInterface(from) || !celltype.Mentions(from) {
		return nil, ""
	}
	if _, ptr := from.Underlying().(*types.Pointer); !ptr {
		return nil, "" // a value of another kind, rewritten so, loses its methods for yaegi (sort.Sort(ByAge(ps)))
	}
	return from, c.types.TypeString(from)
}

// typedTarget reports whether t, the type of an assertion, is a named
// type of the cells with interpvalue.TypeNameMethod, or a pointer to one:
// the session's wrappers of such values in error, fmt.Stringer, io.Writer
// and io.Reader name their type (DynType), which yaegi's assertion does
// not look at (a *Lines asserted to *Counter held).
func (c *compiler) typedTarget(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && celltype.TypeNameMethodDecl(n) != ""
}

// nilPointerTry returns the statement returning z, true when x, an error,
// holds a nil pointer of t, a pointer type of the cells (see nilChecked).
func (c *compiler) nilPointerTry(x string, t types.Type, z string) string {
	if _, ptr := t.Underlying().(*types.Pointer); !ptr || !celltype.Mentions(t) || celltype.GoName(t) == "" {
		return ""
	}
	return "if " + RuntimeName + ".NilPointerOf(" + x + ", " + strconv.Quote(celltype.GoName(t)) + ") { return " + z + ", true }; "
}

// conversions rewrites the values n converts: nilChecked for the operands
// of an assignment, of a var with a type and of a call; a var without a
// type given an untyped constant gets its default type written (yaegi
// makes var r = 'a' an int at the top level of a cell, not an int32).
func (c *compiler) conversions(n ast.Node) {
	typeOf := func(x ast.Expr) types.Type { return c.types.ExprType(c.off(x.Pos()), c.off(x.End())) }
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				c.assignedTo(n.Rhs[i], typeOf(l))
				c.boxedLiteral(n.Rhs[i], typeOf(l))
			}
		}
	case *ast.ValueSpec:
		if l, isLit := valueLit(n); isLit && n.Type == nil && len(n.Names) == 1 && l.Kind != token.INT && l.Kind != token.STRING {
			if b, ok := defType(c.types.Def(c.off(n.Names[0].Pos()))).(*types.Basic); ok && isVar(c.types.Def(c.off(n.Names[0].Pos()))) {
				c.w.Insert(c.off(n.Names[0].End()), " "+b.Name()) // float64, complex128, int32 (rune)
			}
		}
		if n.Type != nil && len(n.Values) == len(n.Names) {
			for _, v := range n.Values {
				c.assignedTo(v, typeOf(n.Type))
				c.boxedLiteral(v, typeOf(n.Type))
			}
		}
	case *ast.CallExpr:
		if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "append" && !c.userDefined("append") && len(n.Args) > 1 && !n.Ellipsis.IsValid() {
			if s, ok := typeOf(n.Args[0]).Underlying().(*types.Slice); ok {
				for _, a := range n.Args[1:] {
					c.structConversion(a, s.Elem())
				}
			}
			return
		}
		sig, ok := typeOf(n.Fun).(*types.Signature)
		if !ok || n.Ellipsis.IsValid() || !c.callsCellFunc(n.Fun) {
			return
		}
		for i, a := range n.Args {
			switch {
			case sig.Variadic() && i >= sig.Params().Len()-1:
				c.assignedTo(a, sig.Params().At(sig.Params().Len()-1).Type().(*types.Slice).Elem())
			case i < sig.Params().Len():
				c.assignedTo(a, sig.Params().At(i).Type())
			}
		}
	}
}

// assignedTo rewrites x, a value assigned to a variable, parameter or
// result of type to: structConversion, then nilChecked.
func (c *compiler) assignedTo(x ast.Expr, to types.Type) {
	c.structConversion(x, to)
	c.nilChecked(x, to)
}

// structConversion writes the conversion to to of x, a value of a struct
// type assigned to another of the same fields, one of them unnamed (var p
// Point = struct{ X, Y int }{1, 2}): the cells' struct types have a tag
// of their own (celltype.TypeTag), so yaegi found them not assignable.
func (c *compiler) structConversion(x ast.Expr, to types.Type) {
	from := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if to == nil || from == nil || types.Identical(from, to) || !types.Identical(from.Underlying(), to.Underlying()) {
		return
	}
	if _, ok := to.Underlying().(*types.Struct); !ok || !celltype.Tagged(from) && !celltype.Tagged(to) {
		return
	}
	ts := c.types.TypeString(to)
	if ts == "" {
		return
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return "(" + ts + ")(" + c.render(x) + ")" })
}

// callsCellFunc reports whether fun names a function or method of the
// cells (a call of a compiled function is left alone).
func (c *compiler) callsCellFunc(fun ast.Expr) bool {
	id := cellsrc.NameOf(fun)
	if id == nil {
		return false
	}
	fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "main"
}

// nilReturns applies nilChecked to the results of the returns of a
// function of type ft.
func (c *compiler) nilReturns(ft ast.Node, body *ast.BlockStmt) {
	var sig *types.Signature
	switch f := ft.(type) {
	case *ast.FuncDecl:
		if fn, ok := c.types.Def(c.off(f.Name.Pos())).(*types.Func); ok {
			sig, _ = fn.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ = c.types.ExprType(c.off(f.Pos()), c.off(f.End())).(*types.Signature)
	}
	if sig == nil || body == nil || sig.Results().Len() == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == sig.Results().Len() {
				for i, r := range n.Results {
					c.assignedTo(r, sig.Results().At(i).Type())
				}
			}
		}
		return true
	})
}

// checkReflect refuses reflect.TypeOf and reflect.ValueOf of a value whose
// type mentions a type of the cells: the interpreter's reflect types of
// the cells' types have no names (t.Name() is "") and show unexported
// fields as exported ones named X... (age becomes Xage), so a program that
// looks at them would print something else than Go.
func (c *compiler) checkReflect(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "TypeOf" && sel.Sel.Name != "ValueOf" || len(call.Args) != 1 {
		return
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || !c.isPackage(pkg, "reflect") {
		return
	}
	t := c.types.ExprType(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()))
	if t != nil && types.IsInterface(t) && !celltype.Mentions(t) {
		// its dynamic value is checked as it runs (the prelude's
		// function gets it in yaegi's wrapper)
		x := call.Args[0]
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return "__gkReflectOperand(" + strconv.Quote(sel.Sel.Name) + ", " + c.render(x) + ")"
		})
		return
	}
	if t == nil || !celltype.Mentions(t) {
		return
	}
	name := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	})
	c.errorAt(c.off(call.Pos()), "reflect.%s of a %s is not supported by the interpreter: its reflect types of the cells' types have no names and show unexported fields as exported ones (X...)%s", sel.Sel.Name, name, OrCompile)
}

// checkTopLevel rewrites the defers among the cell's top-level statements.
func (c *compiler) checkTopLevel(it ast.Node) {
	if _, ok := it.(ast.Stmt); !ok {
		return
	}
	ast.Inspect(it, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			c.rewriteTopDefer(n)
		}
		return true
	})
}

// renameFieldTypeParams renames the type parameters of the cell's generic
// struct types, and of their methods' receivers, that are named like one
// of the struct's fields (type Pair[K, V any] struct{ K K; V V }): yaegi
// named the fields of an instance by the type arguments (struct { string
// string; int int }), then failed on p.K or panicked.
func (c *compiler) renameFieldTypeParams() {
	clash := map[*types.TypeParam]bool{}
	add := func(n *types.Named, tps *types.TypeParamList) {
		st, ok := n.Underlying().(*types.Struct)
		for i := 0; ok && i < tps.Len(); i++ {
			for j := 0; j < st.NumFields(); j++ {
				if st.Field(j).Name() == tps.At(i).Obj().Name() {
					clash[tps.At(i)] = true
				}
			}
		}
	}
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			if nt, ok := defType(c.types.Def(c.off(n.Name.Pos()))).(*types.Named); ok && n.TypeParams != nil {
				add(nt, nt.TypeParams())
			}
		case *ast.FuncDecl:
			if fn, ok := c.types.Def(c.off(n.Name.Pos())).(*types.Func); ok && n.Recv != nil {
				sig := fn.Type().(*types.Signature)
				rt := types.Unalias(sig.Recv().Type())
				if p, ok := rt.(*types.Pointer); ok {
					rt = types.Unalias(p.Elem())
				}
				if nt, ok := rt.(*types.Named); ok {
					add(nt.Origin(), sig.RecvTypeParams())
				}
			}
		case *ast.Ident:
			obj := c.types.Def(c.off(n.Pos()))
			if obj == nil {
				obj = c.types.Use(c.off(n.Pos()))
			}
			if tn, ok := obj.(*types.TypeName); ok {
				if tp, ok := tn.Type().(*types.TypeParam); ok && clash[tp] {
					c.w.Replace(c.off(n.Pos()), c.off(n.End()), "__gkP"+n.Name)
				}
			}
		}
		return true
	}
	for _, it := range c.p.Items {
		ast.Inspect(it, visit)
	}
}
