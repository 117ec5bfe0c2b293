package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
		c.w.insert(c.off(call.Pos()), RuntimeName+".Recovered(")
		c.w.insert(c.off(call.End()), ")")
		return
	}
	if len(call.Args) == 0 {
		return
	}
	switch id.Name {
	case "panic":
		if len(call.Args) == 1 && isNilIdent(call.Args[0]) {
			// Go 1.21: panic(nil) panics with a *runtime.PanicNilError,
			// which recover returns; yaegi panics with nil.
			c.w.replace(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()), RuntimeName+".PanicNil()")
		}
	case "clear":
		c.w.replace(c.off(id.Pos()), c.off(id.End()), RuntimeName+".Clear")
	case "min", "max":
		if folded, ok := c.foldMinMax(id.Name, call.Args); ok {
			c.w.replace(c.off(call.Pos()), c.off(call.End()), folded)
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
		c.w.add(c.off(call.Pos()), c.off(call.End()), func(w *rewriter) string {
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
	if !isPath(x) {
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
		c.w.add(c.off(n.Index.Pos()), c.off(n.Index.End()), func(*rewriter) string {
			return RuntimeName + ".Index(int(" + c.render(n.Index) + "), len(" + xs + "))"
		})
	case *ast.SliceExpr:
		if n.Slice3 {
			c.slice3Check(n, xs)
			return
		}
		hi := "len(" + xs + ")"
		if n.High != nil {
			if !isPath(n.High) && !isLiteral(n.High) {
				return // it must be evaluated once
			}
			hi = "int(" + c.text(n.High) + ")"
		}
		check := func(lo string) string {
			return RuntimeName + ".SliceLo(" + lo + ", " + hi + ", " + capFn + "(" + xs + "), " + strconv.Quote(capFn) + ")"
		}
		if n.Low == nil {
			c.w.insert(c.off(n.Lbrack)+1, check("0"))
			return
		}
		c.w.add(c.off(n.Low.Pos()), c.off(n.Low.End()), func(w *rewriter) string { return check("int(" + c.render(n.Low) + ")") })
	}
}

// slice3Check rewrites the low bound of x[lo:hi:max] (xs is x) to be
// checked by cellrt.Slice3Lo.
func (c *compiler) slice3Check(n *ast.SliceExpr, xs string) {
	for _, b := range []ast.Expr{n.High, n.Max} {
		if !isPath(b) && !isLiteral(b) {
			return // it must be evaluated once
		}
	}
	check := func(lo string) string {
		return RuntimeName + ".Slice3Lo(" + lo + ", int(" + c.text(n.High) + "), int(" + c.text(n.Max) + "), cap(" + xs + "))"
	}
	if n.Low == nil {
		c.w.insert(c.off(n.Lbrack)+1, check("0"))
		return
	}
	c.w.add(c.off(n.Low.Pos()), c.off(n.Low.End()), func(w *rewriter) string { return check("int(" + c.render(n.Low) + ")") })
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
	if to == nil || !types.IsInterface(to) {
		return
	}
	if n, ok := types.Unalias(to).(*types.Named); !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		if !ok || n.Obj().Pkg() != nil { // error is the universe's
			return
		}
	}
	if it, ok := to.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr: // &T{...}, &v
		if x.Op == token.AND {
			return
		}
	case *ast.CompositeLit, *ast.FuncLit:
		return
	}
	from := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if from == nil || types.IsInterface(from) || !mentionsCellType(from) {
		return
	}
	if _, ptr := from.Underlying().(*types.Pointer); !ptr {
		return // a value of another kind, rewritten so, loses its methods for yaegi (sort.Sort(ByAge(ps)))
	}
	ts := c.types.TypeString(from)
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
	c.w.add(c.off(x.Pos()), c.off(x.End()), func(*rewriter) string {
		return "func(v " + ts + ") " + ts + " { if v == nil { panic(" + RuntimeName + ".TypedNil(" + msg + ")) }; return v }(" + c.render(x) + ")"
	})
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
				c.nilChecked(n.Rhs[i], typeOf(l))
			}
		}
	case *ast.ValueSpec:
		if l, isLit := valueLit(n); isLit && n.Type == nil && len(n.Names) == 1 && l.Kind != token.INT && l.Kind != token.STRING {
			if b, ok := defType(c.types.Def(c.off(n.Names[0].Pos()))).(*types.Basic); ok && isVar(c.types.Def(c.off(n.Names[0].Pos()))) {
				c.w.insert(c.off(n.Names[0].End()), " "+b.Name()) // float64, complex128, int32 (rune)
			}
		}
		if n.Type != nil && len(n.Values) == len(n.Names) {
			for _, v := range n.Values {
				c.nilChecked(v, typeOf(n.Type))
			}
		}
	case *ast.CallExpr:
		sig, ok := typeOf(n.Fun).(*types.Signature)
		if !ok || n.Ellipsis.IsValid() || !c.callsCellFunc(n.Fun) {
			return
		}
		for i, a := range n.Args {
			switch {
			case sig.Variadic() && i >= sig.Params().Len()-1:
				c.nilChecked(a, sig.Params().At(sig.Params().Len()-1).Type().(*types.Slice).Elem())
			case i < sig.Params().Len():
				c.nilChecked(a, sig.Params().At(i).Type())
			}
		}
	}
}

func isVar(obj types.Object) bool { _, ok := obj.(*types.Var); return ok }

// valueLit returns the only value of vs if it is a literal.
func valueLit(vs *ast.ValueSpec) (*ast.BasicLit, bool) {
	if len(vs.Values) != 1 {
		return nil, false
	}
	l, ok := ast.Unparen(vs.Values[0]).(*ast.BasicLit)
	return l, ok
}

// callsCellFunc reports whether fun names a function or method of the
// cells (a call of a compiled function is left alone).
func (c *compiler) callsCellFunc(fun ast.Expr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
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
					c.nilChecked(r, sig.Results().At(i).Type())
				}
			}
		}
		return true
	})
}
