package complete

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"
)

// object is what an expression denotes: a package, a type, or a value.
type object struct {
	pkg    string // the import path of a package name
	isType bool   // typ is the type denoted, not the type of a value
	typ    *gtype
}

// value returns an object for a value of type t (none if t is nil).
func value(t *gtype) object {
	if t == nil {
		return object{}
	}
	return object{typ: t}
}

// compiledType returns an object for a value of compiled type t.
func compiledType(t reflect.Type) object { return object{typ: &gtype{rt: t}} }

// object returns what x denotes.
func (sc *scope) object(x ast.Expr, depth int) object {
	if depth > maxDepth {
		return object{}
	}
	depth++
	switch x := x.(type) {
	case *ast.Ident:
		return sc.identObject(x.Name, depth)
	case *ast.ParenExpr:
		return sc.object(x.X, depth)
	case *ast.SelectorExpr:
		base := sc.object(x.X, depth)
		if base.pkg != "" {
			return sc.pkgObject(base.pkg, x.Sel.Name)
		}
		if m := sc.member(base.typ, x.Sel.Name, depth); m != nil {
			return value(m.typ)
		}
	case *ast.CallExpr:
		return sc.callObject(x, depth)
	case *ast.IndexExpr:
		if base := sc.object(x.X, depth); !base.isType {
			return value(sc.elem(base.typ, depth))
		}
	case *ast.StarExpr:
		base := sc.object(x.X, depth)
		if base.isType {
			return object{isType: true, typ: sc.pointerTo(base.typ)}
		}
		return value(sc.deref(base.typ))
	case *ast.UnaryExpr:
		switch x.Op {
		case token.AND:
			return value(sc.pointerTo(sc.object(x.X, depth).typ))
		case token.ARROW:
			return value(sc.elem(sc.object(x.X, depth).typ, depth))
		}
		return sc.object(x.X, depth)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return compiledType(predeclared["bool"])
		}
		return sc.object(x.X, depth)
	case *ast.CompositeLit:
		return value(sourceType(x.Type))
	case *ast.TypeAssertExpr:
		return value(sourceType(x.Type))
	case *ast.FuncLit:
		return value(sourceType(x.Type))
	case *ast.BasicLit:
		name := map[token.Token]string{token.INT: "int", token.FLOAT: "float64", token.IMAG: "complex128", token.CHAR: "rune", token.STRING: "string"}[x.Kind]
		return compiledType(predeclared[name])
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.StructType, *ast.InterfaceType:
		return object{isType: true, typ: &gtype{x: x}}
	}
	return object{}
}

// sourceType returns the source type x, or nil.
func sourceType(x ast.Expr) *gtype {
	if x == nil {
		return nil
	}
	return &gtype{x: x}
}

// identObject returns what name denotes.
func (sc *scope) identObject(name string, depth int) object {
	if e := sc.names[name]; e != nil {
		switch e.kind {
		case "import":
			return object{pkg: e.path}
		case "type":
			return object{isType: true, typ: &gtype{x: ast.NewIdent(name)}}
		}
		if t := e.typeExpr(); t != nil {
			return value(&gtype{x: t})
		}
		if e.val != nil {
			return value(sc.valueType(e.val, e.idx, depth))
		}
		return value(sc.liveType(e))
	}
	if t := predeclared[name]; t != nil {
		return object{isType: true, typ: &gtype{rt: t}}
	}
	if p := stdPackageNamed(name); p != "" {
		return object{pkg: p}
	}
	return object{}
}

// liveType returns the type of the value of e in the interpreter when it
// is a compiled named type (yaegi's own types are not usable by reflection).
func (sc *scope) liveType(e *entry) *gtype {
	v, ok := sc.liveValue(e)
	if !ok {
		return nil
	}
	t := v.Type()
	named := t
	if named.Kind() == reflect.Pointer {
		named = named.Elem()
	}
	if named.Name() == "" || strings.Contains(named.PkgPath(), "yaegi") {
		return nil
	}
	return &gtype{rt: t}
}

// valueType returns the type of the idx-th value of val: a result of a
// call, or the ok of a comma-ok expression.
func (sc *scope) valueType(val ast.Expr, idx, depth int) *gtype {
	if idx == 0 {
		return sc.object(val, depth).typ
	}
	call, ok := ast.Unparen(val).(*ast.CallExpr)
	if !ok {
		if idx == 1 {
			return &gtype{rt: predeclared["bool"]}
		}
		return nil
	}
	if fn := sc.object(call.Fun, depth); !fn.isType {
		return sc.result(fn.typ, idx, depth)
	}
	return nil
}

// pkgObject returns what the symbol name of package path denotes.
func (sc *scope) pkgObject(path, name string) object {
	pi, ok := sc.s.pkgByPath(path)
	if !ok {
		return object{}
	}
	v, ok := pi.symbols()[name]
	if !ok {
		return object{}
	}
	if symKind(v) == "type" {
		return object{isType: true, typ: &gtype{rt: symType(v)}}
	}
	return compiledType(symType(v))
}

// callObject returns what a call gives: a builtin's result, a converted
// value, or a function's first result.
func (sc *scope) callObject(call *ast.CallExpr, depth int) object {
	if id, ok := call.Fun.(*ast.Ident); ok && sc.names[id.Name] == nil && len(call.Args) > 0 {
		switch id.Name {
		case "new":
			return value(sc.pointerTo(sc.object(call.Args[0], depth).typ))
		case "make", "append", "min", "max":
			return value(sc.object(call.Args[0], depth).typ)
		case "len", "cap", "copy":
			return compiledType(predeclared["int"])
		}
	}
	fn := sc.object(call.Fun, depth)
	if fn.isType {
		return value(fn.typ)
	}
	return value(sc.result(fn.typ, 0, depth))
}
