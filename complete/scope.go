package complete

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"gokernel/compiler"
	"reflect"
	"regexp"
	"strings"
)

// entry is a name the cells define: from the registry (cells run) or from
// the cell being edited.
type entry struct {
	name string
	kind string // func, var, const, type or import
	off  int    // offset in the cell being edited; -1 for the registry
	// typText is a var's or const's type, a type's definition or a func's
	// signature, as written; typ is it parsed.
	typText string
	typ     ast.Expr
	val     ast.Expr // the value of a var declared without a type
	idx     int      // which of val's results the var gets (a, b := f())
	path    string   // import path
	doc     string   // doc comment, from the cell being edited
	src     string   // a func's source
	live    bool     // the interpreter holds it: its value can be read
}

// typeExpr returns the parsed typText, or nil.
func (e *entry) typeExpr() ast.Expr {
	if e.typ == nil && e.typText != "" {
		e.typ = parseTypeText(e.typText)
	}
	return e.typ
}

// method is a method of a type the cells define.
type method struct {
	name string
	recv string        // the receiver type, as written: *Point
	typ  *ast.FuncType // its signature, without the receiver
	doc  string
	off  int
}

// signature is the method's signature, as func(...) ...
func (m *method) signature() string {
	if m.typ == nil {
		return "func()"
	}
	return types.ExprString(m.typ)
}

// scope is what completion and inspection see at a cursor: the names of
// the cells run and of the cell being edited.
type scope struct {
	s       host
	code    string
	cursor  int
	names   map[string]*entry
	methods map[string]map[string]*method // by receiver base type
	idle    bool                          // no cell runs: the registry and interpreter may be read
}

// newScope returns the scope at byte offset cur of code.
func (s host) newScope(code string, cur int) *scope {
	sc := &scope{s: s, code: code, cursor: cur, names: map[string]*entry{}, methods: map[string]map[string]*method{}}
	sc.addRegistry()
	sc.addCell()
	return sc
}

// addRegistry adds the declarations of the cells run, unless a cell is
// running: the declarations change then.
func (sc *scope) addRegistry() {
	ds, idle := sc.s.Decls()
	sc.idle = idle
	for _, d := range ds {
		sc.addDecl(d)
	}
}

// lineDirective matches the /*line ...*/ comments of generated source.
var lineDirective = regexp.MustCompile(`/\*line [^*]*\*/`)

// addDecl adds one declaration of the registry.
func (sc *scope) addDecl(d compiler.Decl) {
	if strings.HasPrefix(d.Name, "__gk") {
		return
	}
	e := &entry{name: d.Name, kind: d.Kind, off: -1, live: true}
	switch d.Kind {
	case "method":
		sc.addRegistryMethod(d)
		return
	case "import":
		e.path = d.Type
	case "func":
		e.typText, e.src = d.Type, lineDirective.ReplaceAllString(d.Src, "")
	default:
		e.typText = d.Type
	}
	sc.names[d.Name] = e
}

// addRegistryMethod adds a method of the registry. A method of a plain
// type keeps its body as __gkm_T_M = func(recv, params...) results {...};
// one of a generic type keeps its normalized declaration.
func (sc *scope) addRegistryMethod(d compiler.Decl) {
	typ, name, _ := strings.Cut(d.Name, ".")
	m := &method{name: name, off: -1}
	if _, fn, ok := strings.Cut(d.Src, " = "); ok {
		if lit, ok := ast.Unparen(parseExprPartial(fn)).(*ast.FuncLit); ok && lit.Type.Params.NumFields() > 0 {
			params := lit.Type.Params.List
			m.recv = types.ExprString(params[0].Type)
			m.typ = &ast.FuncType{Params: &ast.FieldList{List: params[1:]}, Results: lit.Type.Results}
		}
	} else if f, _ := parser.ParseFile(token.NewFileSet(), "", "package p\n"+d.Norm, 0); f != nil && len(f.Decls) > 0 {
		if fd, ok := f.Decls[0].(*ast.FuncDecl); ok && fd.Recv.NumFields() == 1 {
			m.recv, m.typ = types.ExprString(fd.Recv.List[0].Type), fd.Type
		}
	}
	sc.addMethod(typ, m)
}

// preferred reports whether a declaration at off should replace old: the
// cell being edited wins over the registry, and in it the last declaration
// before the cursor over the others, then the first after it.
func (sc *scope) preferred(off, old int) bool {
	switch {
	case old < 0:
		return true
	case off < sc.cursor:
		return old >= sc.cursor || off > old
	}
	return old >= sc.cursor && off < old
}

// put adds an entry of the cell being edited.
func (sc *scope) put(e *entry) {
	if e.name == "_" {
		return
	}
	old := sc.names[e.name]
	if old != nil && !sc.preferred(e.off, old.off) {
		return
	}
	if old != nil && old.off < 0 && old.kind == e.kind {
		e.live = old.live
	}
	sc.names[e.name] = e
}

// addMethod adds a method of the cell type typ.
func (sc *scope) addMethod(typ string, m *method) {
	ms := sc.methods[typ]
	if ms == nil {
		ms = map[string]*method{}
		sc.methods[typ] = ms
	}
	if old := ms[m.name]; old == nil || sc.preferred(m.off, old.off) {
		ms[m.name] = m
	}
}

// typeDef returns the definition of the cell type name, or nil.
func (sc *scope) typeDef(name string) ast.Expr {
	if e := sc.names[name]; e != nil && e.kind == "type" {
		return e.typeExpr()
	}
	return nil
}

// pkgPath returns the import path the name stands for, or "".
func (sc *scope) pkgPath(name string) string {
	if e := sc.names[name]; e != nil {
		if e.kind == "import" {
			return e.path
		}
		return ""
	}
	return stdPackageNamed(name)
}

// liveValue returns the current value of the global var or const e, when
// no cell runs. Only the name is evaluated: no code of the cells runs.
func (sc *scope) liveValue(e *entry) (reflect.Value, bool) {
	if !e.live || (e.kind != "var" && e.kind != "const") || !sc.idle {
		return reflect.Value{}, false
	}
	return sc.s.Value(e.name)
}
