package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"slices"
	"strconv"
	"strings"
)

// The Go 1.21 builtins min, max and clear do not exist in yaegi v0.16.1.
// min(a, b, c) becomes __gkMin(__gkMin(a, b), c), where __gkMin is a
// generic func of the prelude; a non-constant argument goes first so that
// the type parameter is inferred from it. Calls with only constant
// arguments are folded. clear(x) calls cellrt.Clear, which uses reflect.

// rewriteBuiltin rewrites a call of min, max or clear that is not shadowed.
func (c *compiler) rewriteBuiltin(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Obj != nil || c.userDefined(id.Name) {
		return
	}
	if id.Name == "recover" && len(call.Args) == 0 {
		// yaegi panics with the reflect.Value of panic's argument, and
		// recover returns it as is: cellrt.Recovered unwraps it.
		c.w.Insert(c.off(call.Pos()), RuntimeName+".Recovered(")
		c.w.Insert(c.off(call.End()), ")")
		return
	}
	if len(call.Args) == 0 {
		return
	}
	switch id.Name {
	case "new":
		// Go 1.26: new(expr) is a pointer to a new variable holding its
		// value; yaegi made a pointer to a zero value (new(4) pointed to 0)
		if len(call.Args) != 1 || c.isTypeExpr(call.Args[0]) {
			return
		}
		switch ast.Unparen(call.Args[0]).(type) {
		case *ast.ArrayType, *ast.MapType, *ast.StructType, *ast.FuncType, *ast.ChanType, *ast.InterfaceType:
			return // new(T)
		}
		pt, ok := c.types.ExprType(c.off(call.Pos()), c.off(call.End())).(*types.Pointer)
		if !ok {
			return
		}
		ts := c.types.TypeString(pt.Elem())
		if ts == "" {
			return
		}
		x := call.Args[0]
		c.w.Add(c.off(call.Pos()), c.off(call.End()), func(*cellsrc.Rewriter) string {
			return "func(__gkv " + ts + ") *" + ts + " { return &__gkv }(" + c.render(x) + ")"
		})
	case "panic":
		if len(call.Args) == 1 && isNilIdent(call.Args[0]) {
			// Go 1.21: panic(nil) panics with a *runtime.PanicNilError,
			// which recover returns; yaegi panics with nil.
			c.w.Replace(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()), RuntimeName+".PanicNil()")
		}
	case "clear":
		c.w.Replace(c.off(id.Pos()), c.off(id.End()), RuntimeName+".Clear")
	case "min", "max":
		if folded, ok := c.foldMinMax(id.Name, call.Args); ok {
			c.w.Replace(c.off(call.Pos()), c.off(call.End()), folded)
			c.folded[call] = true
			return
		}
		helper := "__gkMin"
		if id.Name == "max" {
			helper = "__gkMax"
		}
		args := append([]ast.Expr(nil), call.Args...)
		for i, a := range args {
			if !isLiteral(a) {
				copy(args[1:i+1], args[:i])
				args[0] = a
				break
			}
		}
		c.w.Add(c.off(call.Pos()), c.off(call.End()), func(w *cellsrc.Rewriter) string {
			acc := "(" + c.render(args[0]) + ")"
			for _, a := range args[1:] {
				acc = helper + "(" + acc + ", " + c.render(a) + ")"
			}
			return acc
		})
	}
}

// isLiteral reports whether x is a (signed) basic literal.
func isLiteral(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return (x.Op == token.SUB || x.Op == token.ADD) && isLiteral(x.X)
	}
	return false
}

func literalValue(x ast.Expr) constant.Value {
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit:
		return constant.MakeFromLiteral(x.Value, x.Kind, 0)
	case *ast.UnaryExpr:
		return constant.UnaryOp(x.Op, literalValue(x.X), 0)
	}
	return constant.MakeUnknown()
}

// foldMinMax computes min or max of literal arguments as Go does for
// constants, returning the chosen literal.
func (c *compiler) foldMinMax(name string, args []ast.Expr) (string, bool) {
	best, float := -1, false
	var vals []constant.Value
	for _, a := range args {
		if !isLiteral(a) {
			return "", false
		}
		v := literalValue(a)
		if v.Kind() == constant.Unknown {
			return "", false
		}
		if len(vals) > 0 && (v.Kind() == constant.String) != (vals[0].Kind() == constant.String) {
			return "", false
		}
		float = float || v.Kind() == constant.Float
		vals = append(vals, v)
	}
	op := token.LSS
	if name == "max" {
		op = token.GTR
	}
	for i, v := range vals {
		if best < 0 || constant.Compare(v, op, vals[best]) {
			best = i
		}
	}
	s := c.text(args[best])
	if float && vals[best].Kind() == constant.Int {
		s += ".0"
	}
	if s[0] == '-' || s[0] == '+' {
		s = "(" + s + ")"
	}
	return s, true
}

// In a cell that calls recover, the panics of indexing and slicing get
// Go's messages, which a program may print: yaegi's say "reflect: slice
// index out of range" without the numbers. The index of x[i] (x a slice,
// array or string named by a path, evaluated twice) is checked first by
// cellrt.Index, which panics with "index out of range [5] with length 3";
// the low bound of x[lo:hi] by cellrt.SliceLo.

// boundsCheck rewrites an index or a slice expression of a cell that
// recovers.
func (c *compiler) boundsCheck(n ast.Expr) {
	var x ast.Expr
	switch n := n.(type) {
	case *ast.IndexExpr:
		x = n.X
	case *ast.SliceExpr:
		x = n.X
	default:
		return
	}
	if !cellsrc.IsPath(x) {
		return
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	capFn := "cap"
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return
		}
		capFn = "len"
	default:
		return
	}
	xs := c.text(x)
	switch n := n.(type) {
	case *ast.IndexExpr:
		c.w.Add(c.off(n.Index.Pos()), c.off(n.Index.End()), func(*cellsrc.Rewriter) string {
			return RuntimeName + ".Index(int(" + c.render(n.Index) + "), len(" + xs + "))"
		})
	case *ast.SliceExpr:
		if n.Slice3 {
			c.slice3Check(n, xs)
			return
		}
		hi := "len(" + xs + ")"
		if n.High != nil {
			if !cellsrc.IsPath(n.High) && !isLiteral(n.High) {
				return // it must be evaluated once
			}
			hi = "int(" + c.text(n.High) + ")"
		}
		check := func(lo string) string {
			return RuntimeName + ".SliceLo(" + lo + ", " + hi + ", " + capFn + "(" + xs + "), " + strconv.Quote(capFn) + ")"
		}
		if n.Low == nil {
			c.w.Insert(c.off(n.Lbrack)+1, check("0"))
			return
		}
		c.w.Add(c.off(n.Low.Pos()), c.off(n.Low.End()), func(w *cellsrc.Rewriter) string { return check("int(" + c.render(n.Low) + ")") })
	}
}

// slice3Check rewrites the low bound of x[lo:hi:max] (xs is x) to be
// checked by cellrt.Slice3Lo.
func (c *compiler) slice3Check(n *ast.SliceExpr, xs string) {
	for _, b := range []ast.Expr{n.High, n.Max} {
		if !cellsrc.IsPath(b) && !isLiteral(b) {
			return // it must be evaluated once
		}
	}
	check := func(lo string) string {
		return RuntimeName + ".Slice3Lo(" + lo + ", int(" + c.text(n.High) + "), int(" + c.text(n.Max) + "), cap(" + xs + "))"
	}
	if n.Low == nil {
		c.w.Insert(c.off(n.Lbrack)+1, check("0"))
		return
	}
	c.w.Add(c.off(n.Low.Pos()), c.off(n.Low.End()), func(w *cellsrc.Rewriter) string { return check("int(" + c.render(n.Low) + ")") })
}

// callsRecover reports whether the cell calls recover, or calls a function
// of an earlier cell that does.
func (c *compiler) callsRecover(src string) bool {
	if strings.Contains(src, "recover(") {
		return true
	}
	found := false
	for _, it := range c.p.Items {
		ast.Inspect(it, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !c.defined[id.Name] {
				if d := c.env.Lookup(id.Name); d != nil && d.Kind == "func" && d.Refs["recover"] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// yaegi's values of a named type of the cells have its underlying type for
// reflect, so an interface holding a main.T of int matches x.(int). When
// the interpreter keeps the dynamic type (cellrt.DynType), an assertion to
// a type that is not of the cells but has the underlying type of one fails
// as in Go, with Go's panic when it is not comma-ok:
//
//	func() (int, bool) { x := X; if d := __gkrt.DynType(&x); d != "" { var z int; return z, false }; if v, ok := x.(int); ok { return v, true }; var z int; return z, false }()

// foreignAssert lowers ta so when its type is not of the cells and a named
// type of the cells has it as underlying type; it reports whether it did.
func (c *compiler) foreignAssert(ta *ast.TypeAssertExpr, commaOK bool) bool {
	t := c.types.ExprType(c.off(ta.Type.Pos()), c.off(ta.Type.End()))
	if t == nil || types.IsInterface(t) || celltype.Mentions(t) || !c.underlyingOfCellType(t) {
		return false
	}
	ts, want, iface := c.types.TypeString(t), celltype.GoName(t), c.interfaceName(ta.X)
	if ts == "" || want == "" || iface == "" {
		return false
	}
	x, d, v := c.temp("n"), c.temp("n"), c.temp("n")
	twins := c.twinGuard(t, x)
	c.w.Add(c.off(ta.Pos()), c.off(ta.End()), func(*cellsrc.Rewriter) string {
		known := "if " + d + " := " + RuntimeName + ".DynType(&" + x + "); " + d + " != \"\" { "
		if !commaOK {
			return "func() " + ts + " { " + x + " := " + c.render(ta.X) + "; " + known + "panic(" + RuntimeName + ".AssertFail(" + strconv.Quote(iface) + ", " + d + ", " + strconv.Quote(want) + ")) }; " + twins + "return " + x + ".(" + ts + ") }()"
		}
		return "func() (" + ts + ", bool) { var " + v + " " + ts + "; " + x + " := " + c.render(ta.X) + "; " + known + "return " + v + ", false }; " + twins + "if " + v + ", ok := " + x + ".(" + ts + "); ok { return " + v + ", true }; return " + v + ", false }()"
	})
	return true
}

// namedGuard is sameShapeGuard for T, a named type of the cells that is
// not a struct: yaegi keeps a T in an interface with its type (DynType)
// when T has methods (the compiler gives a package-level one that has
// none a method: celltype.KeepsType), and bare, as its underlying value,
// when it has none. A bare value is not a T that keeps its type; for
// another T (local, generic) it is refused, as the interpreter cannot
// tell it from the underlying type and the cells' other types of that
// underlying type.
func (c *compiler) namedGuard(t types.Type, x, d, z string) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || n.TypeParams() != nil {
		return ""
	}
	if _, isStruct := n.Underlying().(*types.Struct); isStruct {
		return ""
	}
	name, ts := celltype.GoName(t), c.types.TypeString(t)
	if name == "" || ts == "" {
		return ""
	}
	bare := "return " + z + ", false"
	if !celltype.KeepsType(n) {
		twins := c.bareTwins(n.Underlying())
		if !slices.Contains(twins, n.Obj().Name()) {
			twins = append([]string{n.Obj().Name()}, twins...)
		}
		bare = "panic(" + strconv.Quote(bareMessage(n.Obj().Name(), c.types.TypeString(n.Underlying()), twins)) + ")"
	}
	return "if " + d + " := " + RuntimeName + ".DynType(&" + x + "); " + d + " != \"\" { if " + d + " != " + strconv.Quote(name) + " { return " + z + ", false } } else if _, ok := " + x + ".(" + ts + "); ok { " + bare + " }; "
}

// bareTwins returns the names of the cells' named types without methods
// whose underlying type is t (not a struct): the interpreter holds their
// values in an interface as values of t.
func (c *compiler) bareTwins(t types.Type) []string {
	scope := c.types.Scope()
	if scope == nil {
		return nil
	}
	if _, isStruct := t.Underlying().(*types.Struct); isStruct {
		return nil
	}
	var names []string
	add := func(tn *types.TypeName) {
		if n, ok := tn.Type().(*types.Named); ok && !tn.IsAlias() && !strings.HasPrefix(tn.Name(), "__gk") && !celltype.KeepsType(n) && types.Identical(n.Underlying(), t) && !slices.Contains(names, tn.Name()) {
			names = append(names, tn.Name())
		}
	}
	for _, name := range c.scopeNames() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok {
			add(tn)
		}
	}
	for _, it := range c.p.Items { // and the types the cell declares in functions
		ast.Inspect(it, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if tn, ok := c.types.Def(c.off(ts.Name.Pos())).(*types.TypeName); ok && tn.Parent() != scope {
					add(tn)
				}
			}
			return true
		})
	}
	return names
}

// bareMessage is the panic of an assertion to what (a type) of a value
// the interpreter holds as a bare value of under, which may be one of the
// cells' types without methods twins.
func bareMessage(what, under string, twins []string) string {
	list := strings.Join(twins, ", ")
	return "the interpreter cannot tell which of " + under + " and " + list + " this value in an interface is (" + what + " asserted): it keeps no type for a value of a type declared inside a function, or generic, in an interface; declare " + list + " at the package level of a cell, or run the cell compiled with %%compile"
}

// twinGuard returns the code that refuses x, a bare value in an
// interface, asserted to t, a type that is not of the cells, when the
// cells have named types of underlying type t without methods (see
// namedGuard); "" when they have none.
func (c *compiler) twinGuard(t types.Type, x string) string {
	twins := c.bareTwins(t)
	ts := c.types.TypeString(t)
	if len(twins) == 0 || ts == "" {
		return ""
	}
	return "if _, ok := " + x + ".(" + ts + "); ok { panic(" + strconv.Quote(bareMessage(ts, ts, twins)) + ") }; "
}

// underlyingOfCellType reports whether t is the underlying type of a named
// type of the cells.
func (c *compiler) underlyingOfCellType(t types.Type) bool {
	scope := c.types.Scope()
	if scope == nil {
		return false
	}
	for _, name := range c.scopeNames() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && types.Identical(tn.Type().Underlying(), t) {
			return true
		}
	}
	if p, ok := t.(*types.Pointer); ok {
		// a *Label in an interface, to yaegi's reflect a *string: told
		// apart by the type it keeps (the compiler's pointer method)
		if _, isStruct := p.Elem().Underlying().(*types.Struct); !isStruct {
			for _, name := range c.scopeNames() {
				if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && tn.Type() != p.Elem() && types.Identical(tn.Type().Underlying(), p.Elem()) {
					return true
				}
			}
		}
	}
	return len(c.bareTwins(t)) > 0 // a type declared in a function
}

// interfaceName returns the name of x's interface type as Go's panics
// write it ("interface {}", "main.Shape"), or "".
func (c *compiler) interfaceName(x ast.Expr) string {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if it, ok := types.Unalias(t).(*types.Interface); ok && it.Empty() {
		return "interface {}"
	}
	if _, ok := types.Unalias(t).(*types.Named); ok && types.IsInterface(t) {
		return celltype.GoName(t)
	}
	return ""
}

// yaegi panics calling a method promoted from an embedded interface field
// (w.Name() with Namer embedded in w's struct: "invalid interface value"),
// and gets w.Namer.Name() right: the selector is written with the path of
// embedded fields to the interface.

// embeddedInterfaceMethod inserts the embedded fields before the method of
// sel when it is promoted from an embedded interface.
func (c *compiler) embeddedInterfaceMethod(sel *ast.SelectorExpr) {
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	xt := c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End()))
	if !ok || xt == nil || c.isTypeExpr(sel.X) || fn.Type().(*types.Signature).Recv() == nil || !types.IsInterface(fn.Type().(*types.Signature).Recv().Type()) {
		return
	}
	obj, index, _ := types.LookupFieldOrMethod(xt, true, fn.Pkg(), fn.Name())
	if obj != fn || len(index) < 2 {
		return
	}
	var path strings.Builder
	t := xt
	for _, i := range index[:len(index)-1] {
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			t = p.Elem()
		}
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct {
			return
		}
		path.WriteString("." + st.Field(i).Name())
		t = st.Field(i).Type()
	}
	c.w.Insert(c.off(sel.X.End()), path.String())
}

// sameShapeGuard returns the code that decides x.(T), for T a struct type
// of the cells (or a pointer to one) that another type of the cells has
// the fields of, before yaegi's assertion, which holds for either (it
// compares the underlying types): by x's dynamic type where the
// interpreter keeps it, else by refusing the value when the assertion
// would hold, as for an interface (see assertOK). "" for other types.
func (c *compiler) sameShapeGuard(t types.Type, x, d, z string) string {
	if types.IsInterface(t) || !celltype.Mentions(t) {
		return ""
	}
	if g := c.namedGuard(t, x, d, z); g != "" {
		return g
	}
	s := strings.TrimPrefix(celltype.Shape(t, 0), "*")
	if unique, _ := c.structShapes(); unique[s] || !strings.HasPrefix(s, "struct{") {
		return ""
	} else if _, shared := unique[s]; !shared {
		return "" // a local type: no type of the package has its fields
	}
	name, ts := celltype.GoName(t), c.types.TypeString(t)
	if name == "" || ts == "" {
		return ""
	}
	msg := strconv.Quote("the interpreter cannot tell a " + name + " from the cells' other types with the same fields in this type assertion: give the types different fields")
	return "if " + d + " := " + RuntimeName + ".DynType(&" + x + "); " + d + " != \"\" { if " + d + " != " + strconv.Quote(name) + " { return " + z + ", false } } else if _, ok := " + x + ".(" + ts + "); ok { panic(" + msg + ") }; "
}

// yaegi compares two values of an interface type of the cells with the
// wrappers it keeps them in, which differ for equal values made by
// different expressions (two Key{"a"} in a Named are not ==). a == b and
// a != b are written as a comparison of the dynamic types and values:
//
//	func(x, y Named) bool { return __gkrt.IfaceEqual(&x, &y) }(a, b)

// cellInterfaceEquality lowers the comparison b when an operand has a
// non-empty interface type of the cells and neither is nil.
func (c *compiler) cellInterfaceEquality(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ || cellsrc.IsNil(b.X) || cellsrc.IsNil(b.Y) {
		return
	}
	xt := c.types.ExprType(c.off(b.X.Pos()), c.off(b.X.End()))
	yt := c.types.ExprType(c.off(b.Y.Pos()), c.off(b.Y.End()))
	it := xt // the interface both operands are assignable to
	if !celltype.IsCellInterface(xt) || celltype.IsCellInterface(yt) && !types.AssignableTo(yt, xt) {
		it = yt
	}
	if xt == nil || yt == nil || !celltype.IsCellInterface(it) {
		return
	}
	ts := c.types.TypeString(it)
	if ts == "" {
		return
	}
	not := ""
	if b.Op == token.NEQ {
		not = "!"
	}
	// the dynamic types as %T finds them: yaegi's wrapper of a value
	// returned as the interface (State(SoldOut{})) has no type
	eq := RuntimeName + ".IfaceEqual(&x, &y)"
	if name := c.dynamicTypeName(it); name != "" {
		eq = RuntimeName + ".IfaceEqualNamed(&x, &y, " + strings.ReplaceAll(name, "\x00", "x") + ", " + strings.ReplaceAll(name, "\x00", "y") + ")"
	}
	c.w.Add(c.off(b.Pos()), c.off(b.End()), func(*cellsrc.Rewriter) string {
		return not + "func(x, y " + ts + ") bool { return " + eq + " }(" + c.render(b.X) + ", " + c.render(b.Y) + ")"
	})
}

// isPackage reports whether id names the imported package path.
func (c *compiler) isPackage(id *ast.Ident, path string) bool {
	pn, ok := c.types.Use(c.off(id.Pos())).(*types.PkgName)
	return ok && pn.Imported().Path() == path
}
