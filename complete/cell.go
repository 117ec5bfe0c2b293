package complete

import (
	"go/ast"
	"go/parser"
	"go/token"
	"gokernel/cellsrc"
	"path"
	"strconv"
)

// addCell adds what the cell being edited declares, before it runs: its
// top-level funcs, methods and imports, and its vars, consts, types,
// parameters and := variables at any depth. The cell is split like
// parseCell does; the parser recovers from the errors of unfinished code.
func (sc *scope) addCell() {
	src := blankMagics(sc.code)
	fset := token.NewFileSet()
	w := cellWalker{sc: sc, fset: fset}
	decls, stmts := cellsrc.Sources(src)
	for _, text := range []string{decls, stmts} {
		if f, _ := parser.ParseFile(fset, "", text, parser.AllErrors); f != nil {
			ast.Inspect(f, w.visit)
		}
	}
}

// cellWalker collects the declarations of a parsed cell.
type cellWalker struct {
	sc   *scope
	fset *token.FileSet
}

// off returns the cell offset of pos.
func (w *cellWalker) off(pos token.Pos) int {
	return min(max(w.fset.Position(pos).Offset-cellsrc.PrefixLen, 0), len(w.sc.code))
}

// text returns the cell text of node n.
func (w *cellWalker) text(n ast.Node) string {
	start, end := w.off(n.Pos()), w.off(n.End())
	if start >= end {
		return ""
	}
	return w.sc.code[start:end]
}

// visit records the declaration n, if it is one.
func (w *cellWalker) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.ImportSpec:
		w.importSpec(n)
	case *ast.FuncDecl:
		w.funcDecl(n)
	case *ast.FuncLit:
		w.params(n.Type.Params)
	case *ast.GenDecl:
		w.genDecl(n)
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE {
			w.values(n.Lhs, n.Rhs, "var", docAbove(w.sc.code, w.off(n.Pos())))
		}
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			// The value is what indexing the ranged operand gives.
			index := &ast.IndexExpr{X: n.X, Index: &ast.BasicLit{Kind: token.INT, Value: "0"}}
			w.values([]ast.Expr{n.Key, n.Value}, []ast.Expr{nil, index}, "var", "")
		}
	}
	return true
}

// importSpec records an import.
func (w *cellWalker) importSpec(is *ast.ImportSpec) {
	p, err := strconv.Unquote(is.Path.Value)
	if err != nil {
		return
	}
	name := path.Base(p)
	if pi, ok := w.sc.s.pkgByPath(p); ok {
		name = pi.name
	}
	if is.Name != nil {
		name = is.Name.Name
	}
	w.sc.put(&entry{name: name, kind: "import", path: p, off: w.off(is.Pos())})
}

// funcDecl records a func or a method, and its parameters.
func (w *cellWalker) funcDecl(fd *ast.FuncDecl) {
	off := w.off(fd.Pos())
	switch {
	case fd.Recv.NumFields() == 1:
		recv := fd.Recv.List[0].Type
		if base, _ := cellsrc.RecvBase(recv); base != "" {
			w.sc.addMethod(base, &method{name: fd.Name.Name, recv: w.text(recv), typ: fd.Type, doc: docAbove(w.sc.code, off), off: off})
		}
		w.params(fd.Recv)
	case fd.Recv == nil && fd.Name.Name != "_":
		from := fd.Type.Params.Pos()
		if fd.Type.TypeParams != nil {
			from = fd.Type.TypeParams.Pos()
		}
		sig := "func" + w.sc.code[w.off(from):max(w.off(from), w.off(fd.Type.End()))]
		w.sc.put(&entry{name: fd.Name.Name, kind: "func", typText: sig, typ: fd.Type, doc: docAbove(w.sc.code, off), src: w.text(fd), off: off})
	}
	w.params(fd.Type.Params)
}

// params records parameters as variables.
func (w *cellWalker) params(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		for _, id := range f.Names {
			w.sc.put(&entry{name: id.Name, kind: "var", typText: w.text(f.Type), typ: f.Type, off: w.off(id.Pos())})
		}
	}
}

// genDecl records vars, consts and types.
func (w *cellWalker) genDecl(gd *ast.GenDecl) {
	for _, sp := range gd.Specs {
		off := w.off(sp.Pos())
		doc := docAbove(w.sc.code, off)
		if gd.Lparen == token.NoPos {
			doc = docAbove(w.sc.code, w.off(gd.Pos()))
		}
		switch sp := sp.(type) {
		case *ast.TypeSpec:
			w.sc.put(&entry{name: sp.Name.Name, kind: "type", typText: w.text(sp.Type), typ: sp.Type, doc: doc, off: off})
		case *ast.ValueSpec:
			kind := map[token.Token]string{token.VAR: "var", token.CONST: "const"}[gd.Tok]
			if sp.Type == nil {
				w.values(identExprs(sp.Names), sp.Values, kind, doc)
				continue
			}
			for _, id := range sp.Names {
				w.sc.put(&entry{name: id.Name, kind: kind, typText: w.text(sp.Type), typ: sp.Type, doc: doc, off: w.off(id.Pos())})
			}
		}
	}
}

// values records the names of lhs, declared with the values rhs.
func (w *cellWalker) values(lhs, rhs []ast.Expr, kind, doc string) {
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		e := &entry{name: id.Name, kind: kind, off: w.off(id.Pos()), doc: doc}
		switch {
		case len(rhs) == len(lhs):
			e.val = rhs[i]
		case len(rhs) == 1:
			e.val, e.idx = rhs[0], i
		}
		w.sc.put(e)
	}
}

// identExprs returns ids as expressions.
func identExprs(ids []*ast.Ident) []ast.Expr {
	xs := make([]ast.Expr, len(ids))
	for i, id := range ids {
		xs[i] = id
	}
	return xs
}
