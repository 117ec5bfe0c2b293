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
		if n.Slice3 {
			return
		}
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
		c.w.insert(c.off(n.Index.Pos()), RuntimeName+".Index(int(")
		c.w.insert(c.off(n.Index.End()), "), len("+xs+"))")
	case *ast.SliceExpr:
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
