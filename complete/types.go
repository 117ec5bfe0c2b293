package complete

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// Completion works out the types of expressions statically, from the
// declarations in scope and the symbols of compiled packages: it never
// runs code of the cells.

// maxDepth bounds the resolution of names defined by other names.
const maxDepth = 12

// gtype is a type: a compiled one, or one written in the cells' source
// (Point, []Point, *Point, struct{...}) and resolved in their scope.
type gtype struct {
	rt reflect.Type
	x  ast.Expr
}

// String returns the type as Go source.
func (g *gtype) String() string {
	if g.rt != nil {
		return typeString(g.rt)
	}
	return types.ExprString(g.x)
}

// compiled returns g as a compiled type when it is one: a predeclared or
// package type, or a pointer to one.
func (sc *scope) compiled(g *gtype) reflect.Type {
	if g.rt != nil {
		return g.rt
	}
	switch x := g.x.(type) {
	case *ast.Ident:
		if sc.typeDef(x.Name) == nil {
			return predeclared[x.Name]
		}
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if p := sc.pkgPath(id.Name); p != "" {
				if o := sc.pkgObject(p, x.Sel.Name); o.isType {
					return o.typ.rt
				}
			}
		}
	case *ast.StarExpr:
		if t := sc.compiled(&gtype{x: x.X}); t != nil {
			return reflect.PointerTo(t)
		}
	case *ast.ParenExpr:
		return sc.compiled(&gtype{x: x.X})
	}
	return nil
}

// underlying returns the definition of a cell type g, or nil.
func (sc *scope) underlying(g *gtype) ast.Expr {
	switch x := g.x.(type) {
	case *ast.Ident:
		return sc.typeDef(x.Name)
	case *ast.ParenExpr:
		return x.X
	}
	return nil
}

// elem returns the type of the elements of g: what indexing, ranging over
// or receiving from a value of type g gives.
func (sc *scope) elem(g *gtype, depth int) *gtype {
	if g == nil || depth > maxDepth {
		return nil
	}
	if t := sc.compiled(g); t != nil {
		switch t.Kind() {
		case reflect.Array, reflect.Slice, reflect.Map, reflect.Chan:
			return &gtype{rt: t.Elem()}
		case reflect.Pointer:
			if t.Elem().Kind() == reflect.Array {
				return &gtype{rt: t.Elem().Elem()}
			}
		case reflect.String:
			return &gtype{rt: predeclared["byte"]}
		}
		return nil
	}
	switch x := g.x.(type) {
	case *ast.ArrayType:
		return &gtype{x: x.Elt}
	case *ast.MapType:
		return &gtype{x: x.Value}
	case *ast.ChanType:
		return &gtype{x: x.Value}
	case *ast.StarExpr:
		return sc.elem(&gtype{x: x.X}, depth+1)
	}
	if u := sc.underlying(g); u != nil {
		return sc.elem(&gtype{x: u}, depth+1)
	}
	return nil
}

// result returns the type of the i-th result of calling a function of type g.
func (sc *scope) result(g *gtype, i, depth int) *gtype {
	if g == nil || depth > maxDepth {
		return nil
	}
	if t := sc.compiled(g); t != nil {
		if t.Kind() == reflect.Func && i < t.NumOut() {
			return &gtype{rt: t.Out(i)}
		}
		return nil
	}
	if ft, ok := g.x.(*ast.FuncType); ok && ft.Results != nil {
		for _, f := range ft.Results.List {
			for range max(len(f.Names), 1) {
				if i == 0 {
					return &gtype{x: f.Type}
				}
				i--
			}
		}
		return nil
	}
	if u := sc.underlying(g); u != nil {
		return sc.result(&gtype{x: u}, i, depth+1)
	}
	return nil
}

// pointerTo returns the type *g.
func (sc *scope) pointerTo(g *gtype) *gtype {
	switch {
	case g == nil:
		return nil
	case g.rt != nil:
		return &gtype{rt: reflect.PointerTo(g.rt)}
	}
	return &gtype{x: &ast.StarExpr{X: g.x}}
}

// deref returns the type a pointer of type g points to; g for others.
func (sc *scope) deref(g *gtype) *gtype {
	switch {
	case g == nil:
		return nil
	case g.rt != nil && g.rt.Kind() == reflect.Pointer:
		return &gtype{rt: g.rt.Elem()}
	}
	if st, ok := g.x.(*ast.StarExpr); ok {
		return &gtype{x: st.X}
	}
	return g
}

// parseTypeText parses a type or a func signature as written, without
// the type parameters of a generic func; nil if it does not parse.
func parseTypeText(text string) ast.Expr {
	if rest, ok := strings.CutPrefix(text, "func["); ok {
		depth := 1
		for i, c := range rest {
			if c == '[' {
				depth++
			} else if c == ']' {
				if depth--; depth == 0 {
					text = "func" + rest[i+1:]
					break
				}
			}
		}
	}
	x, err := parser.ParseExpr(text)
	if err != nil {
		return nil
	}
	return x
}

// parseExprPartial parses an expression, keeping what parses of a wrong one.
func parseExprPartial(src string) ast.Expr {
	x, _ := parser.ParseExprFrom(token.NewFileSet(), "", src, 0)
	return x
}
