package complete

import (
	"go/ast"
	"go/types"
	"reflect"
	"sort"
)

// member is a field or a method.
type member struct {
	name string
	kind string // field or method
	sig  string // the field's type or the method's signature
	typ  *gtype
	// owner is the compiled type declaring it; recv the cell type.
	owner reflect.Type
	recv  string
	doc   string
}

// member returns the field or method name of values of type g, or nil.
func (sc *scope) member(g *gtype, name string, depth int) *member {
	for _, m := range sc.members(g, depth) {
		if m.name == name {
			return &m
		}
	}
	return nil
}

// members returns the fields and methods of values of type g, pointer
// receivers included; a name that occurs twice is its shallowest member.
func (sc *scope) members(g *gtype, depth int) []member {
	if g == nil || depth > maxDepth {
		return nil
	}
	depth++
	if t := sc.compiled(g); t != nil {
		return compiledMembers(t)
	}
	var ms []member
	switch x := g.x.(type) {
	case *ast.StarExpr:
		ms = sc.members(&gtype{x: x.X}, depth)
	case *ast.IndexExpr: // an instance of a generic type
		ms = sc.members(&gtype{x: x.X}, depth)
	case *ast.IndexListExpr:
		ms = sc.members(&gtype{x: x.X}, depth)
	case *ast.StructType:
		ms = sc.fields(x, "", depth)
	case *ast.InterfaceType:
		ms = sc.interfaceMethods(x, depth)
	case *ast.Ident:
		ms = sc.namedMembers(x.Name, depth)
	case *ast.ParenExpr:
		ms = sc.members(&gtype{x: x.X}, depth)
	}
	return uniqueMembers(ms)
}

// namedMembers returns the members of the cell type name: the fields of
// its definition and its methods.
func (sc *scope) namedMembers(name string, depth int) []member {
	var ms []member
	switch def := sc.typeDef(name).(type) {
	case nil:
		return nil
	case *ast.StructType:
		ms = sc.fields(def, name, depth)
	case *ast.InterfaceType:
		ms = sc.interfaceMethods(def, depth)
	default: // a defined type does not get the methods of the one it copies
		for _, m := range sc.members(&gtype{x: def}, depth) {
			if m.kind == "field" {
				ms = append(ms, m)
			}
		}
	}
	names := make([]string, 0, len(sc.methods[name]))
	for n := range sc.methods[name] {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		m := sc.methods[name][n]
		mm := member{name: n, kind: "method", sig: m.signature(), recv: m.recv, doc: m.doc}
		if m.typ != nil {
			mm.typ = &gtype{x: m.typ}
		}
		ms = append(ms, mm)
	}
	return ms
}

// fields returns the fields of struct type st of the cell type owner,
// then those promoted from its embedded fields.
func (sc *scope) fields(st *ast.StructType, owner string, depth int) []member {
	var ms, promoted []member
	for _, f := range st.Fields.List {
		field := member{kind: "field", sig: types.ExprString(f.Type), typ: &gtype{x: f.Type}, recv: owner}
		if len(f.Names) == 0 {
			field.name = embeddedName(f.Type)
			ms = append(ms, field)
			// Embedding may recurse through pointers: promote from a few levels only.
			promoted = append(promoted, sc.members(field.typ, depth+maxDepth/4)...)
		}
		for _, id := range f.Names {
			field.name = id.Name
			ms = append(ms, field)
		}
	}
	return append(ms, promoted...)
}

// embeddedName returns the field name of an embedded type.
func embeddedName(x ast.Expr) string {
	switch t := x.(type) {
	case *ast.StarExpr:
		return embeddedName(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name
	case *ast.IndexExpr:
		return embeddedName(t.X)
	case *ast.IndexListExpr:
		return embeddedName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// interfaceMethods returns the methods of interface type it.
func (sc *scope) interfaceMethods(it *ast.InterfaceType, depth int) []member {
	var ms []member
	for _, f := range it.Methods.List {
		if len(f.Names) == 0 {
			ms = append(ms, sc.members(&gtype{x: f.Type}, depth)...)
		}
		for _, id := range f.Names {
			ms = append(ms, member{name: id.Name, kind: "method", sig: types.ExprString(f.Type), typ: &gtype{x: f.Type}})
		}
	}
	return ms
}

// compiledMembers returns the exported fields and methods of compiled
// type t; the methods of *T are included for a T.
func compiledMembers(t reflect.Type) []member {
	var ms []member
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if f.IsExported() {
				ms = append(ms, member{name: f.Name, kind: "field", sig: typeString(f.Type), typ: &gtype{rt: f.Type}, owner: st})
			}
		}
	}
	mt, skip := t, 1
	switch {
	case t.Kind() == reflect.Interface:
		skip = 0
	case t.Kind() != reflect.Pointer:
		mt = reflect.PointerTo(t)
	}
	for i := range mt.NumMethod() {
		m := mt.Method(i)
		ms = append(ms, member{name: m.Name, kind: "method", sig: funcString(m.Type, skip), typ: &gtype{rt: m.Type}, owner: st})
	}
	return uniqueMembers(ms)
}

// uniqueMembers keeps the first member of each name.
func uniqueMembers(ms []member) []member {
	seen := map[string]bool{}
	out := ms[:0:0]
	for _, m := range ms {
		if m.name != "" && !seen[m.name] {
			seen[m.name] = true
			out = append(out, m)
		}
	}
	return out
}
