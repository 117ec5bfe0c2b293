package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The type parameters and type arguments of the cells' generic code:
// yaegi infers type arguments wrongly, panics on partial lists of them,
// and cannot convert to a type parameter; the checker's Info.Instances and
// types make them explicit.

// explicitTypeArgs writes the type arguments Go infers for a call of a
// generic function: yaegi infers them wrongly (Map(xs, func(int) string)
// fails with "cannot use func(int) string as func(int) int").
func (c *compiler) explicitTypeArgs(id *ast.Ident) {
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return
	}
	if !c.cellObject(id) {
		return // a standard package's generic function: see genericCall
	}
	// Only where the source gives none: the next character is not '['
	// (partialTypeArgs completes a list that gives some).
	end := c.off(id.End())
	if end < len(c.w.src) && c.w.src[end] == '[' {
		return
	}
	if args, ok := c.typeArgStrings(inst.TypeArgs, 0); ok {
		c.w.insert(end, "["+strings.Join(args, ", ")+"]")
	}
}

// partialTypeArgs completes the type arguments of an instantiation of a
// generic function of the cells that gives only the first ones
// (Convert[int](3.9) of Convert[To, From any]): yaegi panics with a nil
// pointer dereference on a partial list; the checker inferred the others.
func (c *compiler) partialTypeArgs(x ast.Expr) {
	var fun ast.Expr
	var given int
	var rbrack token.Pos
	switch ix := x.(type) {
	case *ast.IndexExpr:
		fun, given, rbrack = ix.X, 1, ix.Rbrack
	case *ast.IndexListExpr:
		fun, given, rbrack = ix.X, len(ix.Indices), ix.Rbrack
	}
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok || !c.cellObject(id) {
		return
	}
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() <= given {
		return
	}
	if _, isFunc := inst.Type.(*types.Signature); !isFunc {
		return
	}
	if rest, ok := c.typeArgStrings(inst.TypeArgs, given); ok {
		c.w.insert(c.off(rbrack), ", "+strings.Join(rest, ", "))
	}
}

// cellObject reports whether id names something the cells declare.
func (c *compiler) cellObject(id *ast.Ident) bool {
	obj := c.types.Use(c.off(id.Pos()))
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "main"
}

// typeArgStrings writes the type arguments from the index from on as the
// cell's code names them; ok is false if one cannot be named.
func (c *compiler) typeArgStrings(targs *types.TypeList, from int) (args []string, ok bool) {
	for i := from; i < targs.Len(); i++ {
		s := c.types.TypeString(targs.At(i))
		if s == "" {
			return nil, false
		}
		args = append(args, s)
	}
	return args, true
}
