package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/stdlib/generic"
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
	c.w.add(c.off(x.Pos()), c.off(x.End()), func(*rewriter) string {
		var ps []string
		for _, a := range args {
			ps = append(ps, c.render(a))
		}
		t := "func(func(" + strings.Join(ps, ", ") + ") bool)"
		if end := c.off(x.End()); end < len(c.w.src) && c.w.src[end] == '(' {
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
	c.w.replace(c.off(sel.Pos()), c.off(sel.End()), name+c.typeArgs(sel.Sel))
	return true
}

// typeArgs returns the type arguments the checker inferred for the generic
// function id as source ("[string, int]"): "" where the source gives them,
// or one cannot be written. The interpreter does not infer them from an
// argument of a compiled function.
func (c *compiler) typeArgs(id *ast.Ident) string {
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if end := c.off(id.End()); !ok || inst.TypeArgs.Len() == 0 || end < len(c.w.src) && c.w.src[end] == '[' {
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
	br, ok := loopBody(r.Body, c.loopLabel(r))
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
	for _, b := range br.continues {
		c.w.replace(c.off(b.Pos()), c.off(b.End()), "return true")
	}
	for _, b := range br.breaks {
		c.w.replace(c.off(b.Pos()), c.off(b.End()), "return false")
	}
	c.w.add(c.off(r.Pos()), c.off(r.Body.Lbrace)+1, func(*rewriter) string {
		return c.render(r.X) + "(func(" + strings.Join(params, ", ") + ") bool { " + strings.Join(assigns, "") + "{ "
	})
	c.w.insert(c.off(r.Body.Rbrace), "; }; return true ")
	c.w.insert(c.off(r.End()), ")")
	return true
}
