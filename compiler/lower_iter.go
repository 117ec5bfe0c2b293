package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/stdlib/generic"
	"slices"
	"strconv"
	"strings"
)

// Iterators and the standard library's generic helpers of iter, sync and
// sync/atomic: yaegi v0.16.1 has the Go 1.22 language and cannot import
// package iter (generic types only).

// iterSeq rewrites iter.Seq[V] and iter.Seq2[K, V] as the function types
// they stand for, func(func(V) bool) and func(func(K, V) bool): package
// iter only has generic types, which the interpreter cannot import. It
// reports whether x was one.
func (c *compiler) iterSeq(x ast.Expr) bool {
	var sel *ast.SelectorExpr
	var args []ast.Expr
	switch ix := x.(type) {
	case *ast.IndexExpr:
		sel, _ = ix.X.(*ast.SelectorExpr)
		args = []ast.Expr{ix.Index}
	case *ast.IndexListExpr:
		sel, _ = ix.X.(*ast.SelectorExpr)
		args = ix.Indices
	}
	if sel == nil {
		return false
	}
	obj, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.TypeName)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "iter" || (obj.Name() != "Seq" && obj.Name() != "Seq2") {
		return false
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		var ps []string
		for _, a := range args {
			ps = append(ps, c.render(a))
		}
		t := "func(func(" + strings.Join(ps, ", ") + ") bool)"
		if end := c.off(x.End()); end < len(c.w.Src()) && c.w.Src()[end] == '(' {
			t = "(" + t + ")" // a conversion, not a result type
		}
		return t
	})
	return true
}

// stdSource rewrites a use of a generic function or type of the standard
// library that the prelude writes as Go source (generic.Source: see the
// rule there) into its name in the prelude, and reports whether sel was one.
func (c *compiler) stdSource(sel *ast.SelectorExpr) bool {
	obj := c.types.Use(c.off(sel.Sel.Pos()))
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Scope().Lookup(obj.Name()) != obj {
		return false
	}
	name := generic.SourceName(obj.Pkg().Path() + "." + obj.Name())
	if name == "" {
		return false
	}
	c.w.Replace(c.off(sel.Pos()), c.off(sel.End()), name+c.typeArgs(sel.Sel))
	return true
}

// typeArgs returns the type arguments the checker inferred for the generic
// function id as source ("[string, int]"): "" where the source gives them,
// or one cannot be written. The interpreter does not infer them from an
// argument of a compiled function.
func (c *compiler) typeArgs(id *ast.Ident) string {
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if end := c.off(id.End()); !ok || inst.TypeArgs.Len() == 0 || end < len(c.w.Src()) && c.w.Src()[end] == '[' {
		return ""
	}
	var args []string
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		s := c.types.TypeString(inst.TypeArgs.At(i))
		if s == "" {
			return ""
		}
		args = append(args, s)
	}
	return "[" + strings.Join(args, ", ") + "]"
}

// iteratorType returns the yield function's parameter types if x is a
// range-over-func iterator (func(yield func(...) bool)), as code names
// them; ok is false otherwise.
func (c *compiler) iteratorType(x ast.Expr) (params []string, ok bool) {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return nil, false
	}
	sig, isFunc := t.Underlying().(*types.Signature)
	if !isFunc || sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return nil, false
	}
	yield, isFunc := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !isFunc || yield.Results().Len() != 1 || yield.Params().Len() > 2 {
		return nil, false
	}
	if b, isBasic := yield.Results().At(0).Type().Underlying().(*types.Basic); !isBasic || b.Kind() != types.Bool {
		return nil, false
	}
	for i := 0; i < yield.Params().Len(); i++ {
		s := c.types.TypeString(yield.Params().At(i).Type())
		if s == "" {
			return nil, false
		}
		params = append(params, s)
	}
	return params, true
}

// rangeOverFunc rewrites for k, v := range seq { body } as
// seq(func(k K, v V) bool { body; return true }); it reports whether it
// did (the loop is refused otherwise).
func (c *compiler) rangeOverFunc(r *ast.RangeStmt) bool {
	ptypes, ok := c.iteratorType(r.X)
	if !ok {
		return false
	}
	br, ok := cellsrc.LoopBody(r.Body, c.loopLabel(r))
	if !ok || !c.deferRegistered(br.Defers) {
		return false
	}
	before, after, ok := c.loopReturns(r, br.Returns)
	if !ok {
		return false
	}
	vars := []ast.Expr{r.Key, r.Value}
	var params, assigns []string
	for i, t := range ptypes {
		name := "_"
		if i < len(vars) && vars[i] != nil {
			if r.Tok == token.DEFINE {
				name = c.text(vars[i])
			} else { // for k = range seq: assign the outer variable
				name = c.temp("y")
				assigns = append(assigns, c.text(vars[i])+" = "+name+"; ")
			}
		}
		params = append(params, name+" "+t)
	}
	for _, b := range br.Continues {
		c.w.Replace(c.off(b.Pos()), c.off(b.End()), "return true")
	}
	for _, b := range br.Breaks {
		c.w.Replace(c.off(b.Pos()), c.off(b.End()), "return false")
	}
	c.w.Add(c.off(r.Pos()), c.off(r.Body.Lbrace)+1, func(*cellsrc.Rewriter) string {
		return before + c.render(r.X) + "(func(" + strings.Join(params, ", ") + ") bool { " + strings.Join(assigns, "") + "{ "
	})
	c.w.Insert(c.off(r.Body.Rbrace), "; }; return true ")
	c.w.Insert(c.off(r.End()), ")"+after)
	return true
}

// loopReturns lowers the returns of the body of a range over a function,
// which runs as the yield function: each keeps its results in temporaries
// of the result types, sets a flag and ends the iteration (return false);
// after the loop, the function returns what the flag says:
//
//	{ var __gkret1 int; var __gkr2 T
//	  seq(func(v V) bool { ...; { __gkr2 = x; __gkret1 = 1; return false }; ...; return true })
//	  if __gkret1 == 1 { return __gkr2 }; if __gkret1 == 2 { return } }
//
// In a range over a function inside another's body, the outermost loop
// lowers the returns, and each inner one ends its iteration when the
// outermost's flag is set. It returns the code before and after the loop,
// and false when a return cannot be lowered (outside a function, or a
// result type code cannot name).
func (c *compiler) loopReturns(r *ast.RangeStmt, returns []*ast.ReturnStmt) (before, after string, ok bool) {
	if len(returns) == 0 {
		return "", "", true
	}
	if outer := c.outerIterator(r); outer != nil { // the outer loop lowers them
		return "", "; if " + returnFlag(c.off(outer.Pos())) + " != 0 { return false }", true
	}
	sig := c.enclosingSig(r.Pos())
	if sig == nil {
		return "", "", false
	}
	flag := returnFlag(c.off(r.Pos()))
	var temps, decls []string
	for i := 0; i < sig.Results().Len(); i++ {
		t := c.types.TypeString(sig.Results().At(i).Type())
		if t == "" {
			return "", "", false
		}
		temps = append(temps, c.temp("r"))
		decls = append(decls, "var "+temps[i]+" "+t+"; ")
	}
	valued, bare := false, false
	for _, ret := range returns {
		if len(ret.Results) == 0 {
			bare = true
			c.w.Replace(c.off(ret.Pos()), c.off(ret.End()), "{ "+flag+" = 2; return false }")
			continue
		}
		valued = true
		c.w.Add(c.off(ret.Pos()), c.off(ret.End()), func(*cellsrc.Rewriter) string {
			var b strings.Builder
			b.WriteString("{ ")
			if len(ret.Results) == len(temps) {
				for i, x := range ret.Results {
					b.WriteString(temps[i] + " = " + c.render(x) + "; ")
				}
			} else { // return f(), f of several results
				b.WriteString(strings.Join(temps, ", ") + " = " + c.render(ret.Results[0]) + "; ")
			}
			return b.String() + flag + " = 1; return false }"
		})
	}
	before, after = "{ var "+flag+" int; ", "; "
	if valued {
		before += strings.Join(decls, "")
		after += "if " + flag + " == 1 { return " + strings.Join(temps, ", ") + " }; "
	}
	if bare {
		after += "if " + flag + " == 2 { return }; "
	}
	return before, after + "}", true
}

// enclosingSig returns the signature of the innermost function around
// pos (at the cell's top level, a func() as the statements run in), or nil.
func (c *compiler) enclosingSig(pos token.Pos) *types.Signature {
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	for _, it := range c.p.Items {
		ast.Inspect(it, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			switch f := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := c.types.Def(c.off(f.Name.Pos())).(*types.Func); ok {
					sig, _ = fn.Type().(*types.Signature)
				}
			case *ast.FuncLit:
				sig, _ = c.types.ExprType(c.off(f.Pos()), c.off(f.End())).(*types.Signature)
			}
			return true
		})
	}
	return sig
}

// deferRegistered reports whether each of defers was rewritten into the
// registration of its call on a list its function (lowerDefers) or the cell
// (rewriteTopDefer) runs at its end: then it may run in the yield function
// of a range over a function; a defer statement would run at its end.
func (c *compiler) deferRegistered(defers []*ast.DeferStmt) bool {
	for _, d := range defers {
		start, end := c.off(d.Pos()), c.off(d.End())
		if !c.w.Has(start, end) {
			return false
		}
	}
	return true
}

// returnFlag is the name of the flag of the returns of the range over a
// function at offset off.
func returnFlag(off int) string { return "__gkret" + strconv.Itoa(off) }

// outerIterator returns the outermost range over a function whose body
// holds r in r's function, or nil.
func (c *compiler) outerIterator(r *ast.RangeStmt) *ast.RangeStmt {
	var outer *ast.RangeStmt
	for _, it := range c.p.Items {
		ast.Inspect(it, func(n ast.Node) bool {
			if n == nil || n == r || r.Pos() < n.Pos() || r.Pos() >= n.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				outer = nil
			case *ast.RangeStmt:
				if _, iterates := c.iteratorType(n.X); iterates && outer == nil {
					outer = n
				}
			}
			return true
		})
	}
	return outer
}

// funcTyped reports whether the checker gave x a function type.
func (c *compiler) funcTyped(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	_, isFunc := t.Underlying().(*types.Signature)
	return isFunc
}

// boxAs rewrites x, a value of a type of the cells (not an interface)
// given to compiled code as iface, an interface type it implements, as
// []iface{x}[0]: yaegi gave compiled code the bare value there, without
// the methods (fmt.Errorf("%w", errP) printed %!w(*struct {...}=&{1}),
// errors.Join(errS, errP) panicked: cannot use *struct as type error),
// and the element of a composite literal keeps them.
func (c *compiler) boxAs(x ast.Expr, iface string) {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if _, param := types.Unalias(t).(*types.TypeParam); param && iface == "any" {
		// a value of a type parameter: its type argument may be a type
		// of the cells (yaegi returned a Money bare from a generic
		// func Box[T any](v T) any)
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return "[]any{" + c.render(x) + "}[0]"
		})
		return
	}
	if t == nil || types.IsInterface(t) || !celltype.Mentions(t) || cellsrc.IsNil(x) {
		return
	}
	if iface == "error" && !types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
		return
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "[]" + iface + "{" + c.render(x) + "}[0]"
	})
}

// boxReturns applies boxAs to each value of a type of the cells that a
// return of the function (ft, body) gives as a result of an empty
// interface type: yaegi keeps the dynamic type of a value in an any (for
// a type switch, an assertion, fmt) but for a result, which it returns
// bare (func f() any { return Green } printed Green's number, and matched
// case int).
func (c *compiler) boxReturns(ft *ast.FuncType, body *ast.BlockStmt) {
	if ft.Results == nil || body == nil {
		return
	}
	var empty []bool
	for _, f := range ft.Results.List {
		t := c.types.ExprType(c.off(f.Type.Pos()), c.off(f.Type.End()))
		if t == nil {
			return
		}
		it, ok := t.Underlying().(*types.Interface)
		_, param := types.Unalias(t).(*types.TypeParam) // its constraint is not its type
		for range max(len(f.Names), 1) {
			empty = append(empty, ok && it.Empty() && !param)
		}
	}
	if !slices.Contains(empty, true) {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // boxed on its own
		case *ast.ReturnStmt:
			if len(n.Results) != len(empty) {
				return true
			}
			for i, x := range n.Results {
				if empty[i] {
					c.boxAs(x, "any")
				}
			}
		}
		return true
	})
}

// boxedResult renders x, boxed as []any{x}[0] when it is a call of an
// interpreted function with a result of an empty interface type: yaegi
// gives compiled code the bare value of such a result (fmt.Println(f())
// printed Green's number when f returns an any holding Green), and the
// element of a composite literal keeps its type, which fmt (FmtAny) and
// context keys (ContextKeyOf) read. Other compiled functions get the bare
// value: they would see yaegi's wrapper (sort.Slice of a named slice
// type would fail).
func (c *compiler) boxedResult(x ast.Expr) string {
	inner, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || c.compiledFunc(inner.Fun) || c.isTypeExpr(inner.Fun) {
		return c.render(x)
	}
	if it, ok := types.Unalias(c.types.ExprType(c.off(x.Pos()), c.off(x.End()))).(*types.Interface); !ok || !it.Empty() {
		return c.render(x)
	}
	return "[]any{" + c.render(x) + "}[0]"
}

// compiledFunc reports whether fun names a function or method of a
// compiled package.
func (c *compiler) compiledFunc(fun ast.Expr) bool {
	id := cellsrc.NameOf(fun)
	if id == nil {
		return false
	}
	fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() != "main"
}

// boxVariadic applies boxAs to the variadic arguments of a call of a
// compiled function whose variadic parameter is of a non-empty interface
// type (errors.Join's ...error).
func (c *compiler) boxVariadic(call *ast.CallExpr) {
	sig, ok := c.types.ExprType(c.off(call.Fun.Pos()), c.off(call.Fun.End())).(*types.Signature)
	if !ok || !sig.Variadic() || call.Ellipsis.IsValid() || c.callsCellFunc(call.Fun) || !c.compiledFunc(call.Fun) {
		return
	}
	n := sig.Params().Len()
	elem := sig.Params().At(n - 1).Type().(*types.Slice).Elem()
	it, ok := elem.Underlying().(*types.Interface)
	ts := c.types.TypeString(elem)
	if !ok || it.Empty() || ts == "" {
		return
	}
	for _, a := range call.Args[min(n-1, len(call.Args)):] {
		c.boxAs(a, ts)
	}
}

// cellImplementers returns the package-level, non-generic named types of
// the cells T and *T that implement iface and that yaegi tells apart from
// every other one in a type assertion: it compares their reflect types, in
// which the cells' types are their underlying types (main.Cat and main.Dog
// of struct{} are the same type for it), so types of the same shape are
// left out.
//
// With all, the types of the same shape are kept.
func (c *compiler) cellImplementers(iface *types.Interface, all bool) []types.Type {
	scope := c.types.Scope()
	if scope == nil {
		return nil
	}
	var impls []types.Type
	count := map[string]int{}
	for _, name := range c.scopeNames() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || strings.HasPrefix(name, "__gk") {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams() != nil || types.IsInterface(n) {
			continue
		}
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if types.Implements(t, iface) {
				impls = append(impls, t)
				count[celltype.Shape(t, 0)]++
			}
		}
	}
	var out []types.Type
	for _, t := range impls {
		if s := celltype.Shape(t, 0); all || count[s] == 1 && !strings.Contains(s, "?") {
			out = append(out, t)
		}
	}
	return out
}

// inert reports whether evaluating x cannot panic, block or call anything.
func (c *compiler) inert(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.ParenExpr:
		return c.inert(x.X)
	case *ast.UnaryExpr:
		return x.Op == token.AND && c.inert(x.X)
	case *ast.SelectorExpr:
		_, pkg := c.types.Use(c.off(x.Sel.Pos())).(*types.Var)
		id, isID := x.X.(*ast.Ident)
		if !isID {
			return false
		}
		_, isPkg := c.types.Use(c.off(id.Pos())).(*types.PkgName)
		return pkg && isID && isPkg
	case *ast.CompositeLit:
		for _, e := range x.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			if !c.inert(e) {
				return false
			}
		}
		return c.types.ExprType(c.off(x.Pos()), c.off(x.End())) != nil
	case *ast.CallExpr: // a conversion
		t := c.types.ExprType(c.off(x.Fun.Pos()), c.off(x.Fun.End()))
		if t == nil || len(x.Args) != 1 {
			return false
		}
		if _, call := t.Underlying().(*types.Signature); call {
			return false
		}
		return c.inert(x.Args[0])
	}
	return false
}
