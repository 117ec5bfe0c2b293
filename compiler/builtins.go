package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
)

// The Go 1.21 builtins min, max and clear do not exist in yaegi v0.16.1.
// min(a, b, c) becomes __gkMin(__gkMin(a, b), c), where __gkMin is a
// generic func of the prelude; a non-constant argument goes first so that
// the type parameter is inferred from it. Calls with only constant
// arguments are folded. clear(x) calls cellrt.Clear, which uses reflect.

// rewriteBuiltin rewrites a call of min, max or clear that is not shadowed.
func (c *compiler) rewriteBuiltin(call *ast.CallExpr) {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || id.Obj != nil || c.userDefined(id.Name) || len(call.Args) == 0 {
		return
	}
	switch id.Name {
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
