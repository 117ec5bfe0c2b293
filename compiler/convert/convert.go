// Package convert finds where Go converts a value implicitly to the type
// of the place it goes (the specification's assignability): the right
// sides of assignments, the values of variable declarations with a type,
// the arguments of calls, the values of sends, the elements, keys and
// fields of composite literals and the results of returns. The cell
// compiler uses it to find the values of the cells' types that become
// interface values.
package convert

import (
	"go/ast"
	"go/types"
)

// Info is what the package needs of go/types' results for the source.
type Info interface {
	// TypeOf returns the type of x, or nil.
	TypeOf(x ast.Expr) types.Type
	// IsType reports whether x denotes a type.
	IsType(x ast.Expr) bool
}

// Operands calls f for each operand of n whose value n puts in a place of
// a known type, with that type: the right side of an assignment (= or :=)
// by the left side's type, the values of a var spec with a type, the
// arguments of a call by its parameters (the converted type for a
// conversion), the value of a send by the channel's element type, and the
// elements, keys and field values of a composite literal. Operands of a
// multi-value call (a, b = f()) are not reported.
func Operands(n ast.Node, in Info, f func(x ast.Expr, to types.Type)) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, l := range n.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
				continue
			}
			if t := in.TypeOf(l); t != nil {
				f(n.Rhs[i], t)
			}
		}
	case *ast.ValueSpec:
		if n.Type == nil || len(n.Values) != len(n.Names) {
			return
		}
		if t := in.TypeOf(n.Type); t != nil {
			for _, v := range n.Values {
				f(v, t)
			}
		}
	case *ast.CallExpr:
		call(n, in, f)
	case *ast.SendStmt:
		if ch, ok := under(in.TypeOf(n.Chan)).(*types.Chan); ok {
			f(n.Value, ch.Elem())
		}
	case *ast.CompositeLit:
		literal(n, in, f)
	}
}

// call is Operands for a call or conversion.
func call(n *ast.CallExpr, in Info, f func(x ast.Expr, to types.Type)) {
	ft := in.TypeOf(n.Fun)
	if ft == nil {
		return
	}
	if in.IsType(n.Fun) {
		if len(n.Args) == 1 {
			f(n.Args[0], ft)
		}
		return
	}
	sig, ok := under(ft).(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	if len(n.Args) == 1 && params.Len() > 1 {
		return // f(g()) with g's results
	}
	for i, a := range n.Args {
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			last := params.At(params.Len() - 1).Type()
			if n.Ellipsis.IsValid() {
				f(a, last)
			} else if s, ok := under(last).(*types.Slice); ok {
				f(a, s.Elem())
			}
		case i < params.Len():
			f(a, params.At(i).Type())
		}
	}
}

// literal is Operands for a composite literal.
func literal(n *ast.CompositeLit, in Info, f func(x ast.Expr, to types.Type)) {
	t := in.TypeOf(n)
	if p, ok := under(t).(*types.Pointer); ok { // &T{...} elided in a literal
		t = p.Elem()
	}
	switch t := under(t).(type) {
	case *types.Slice:
		elements(n, t.Elem(), nil, f)
	case *types.Array:
		elements(n, t.Elem(), nil, f)
	case *types.Map:
		elements(n, t.Elem(), t.Key(), f)
	case *types.Struct:
		for i, e := range n.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					for j := range t.NumFields() {
						if t.Field(j).Name() == id.Name {
							f(kv.Value, t.Field(j).Type())
						}
					}
				}
			} else if i < t.NumFields() {
				f(e, t.Field(i).Type())
			}
		}
	}
}

// elements calls f for the elements (of type elem) and keys (of type key,
// for a map) of a slice, array or map literal.
func elements(n *ast.CompositeLit, elem, key types.Type, f func(x ast.Expr, to types.Type)) {
	for _, e := range n.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key != nil {
				f(kv.Key, key)
			}
			e = kv.Value
		}
		f(e, elem)
	}
}

// Returns calls f for each value the return statements of body (not of
// the function literals in it) give, with its type in results. A return
// of a multi-value call is not reported.
func Returns(body *ast.BlockStmt, results *types.Tuple, f func(x ast.Expr, to types.Type)) {
	if body == nil || results == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == results.Len() {
				for i, x := range n.Results {
					f(x, results.At(i).Type())
				}
			}
		}
		return true
	})
}

// under is t's underlying type, nil for nil.
func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
