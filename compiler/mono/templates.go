package mono

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"gokernel/cellsrc"
)

// templates makes the templates of the generic declarations of the cell
// (functions, types, methods of generic types) and returns the names of
// the generics the cell declares or gives methods to.
func (g *gen) templates() (map[string]bool, error) {
	changed := map[string]bool{}
	// the cell's generic types and functions first: its methods may be of
	// them, and its generic functions may call those declared after them
	for _, it := range g.cell.Items {
		if fd, ok := it.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.TypeParams != nil {
			params, err := g.paramsOf(fd.Type.TypeParams)
			if err != nil {
				return nil, err
			}
			gn := &generic{name: fd.Name.Name, params: params}
			g.generics[gn.name] = gn
			g.fresh = append(g.fresh, gn)
			changed[gn.name] = true
			continue
		}
		ds, ok := it.(*ast.DeclStmt)
		if !ok {
			continue
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, s := range gd.Specs {
			ts := s.(*ast.TypeSpec)
			if ts.TypeParams == nil {
				continue
			}
			if ts.Assign.IsValid() {
				return nil, errUnsupported // a generic alias
			}
			params, err := g.paramsOf(ts.TypeParams)
			if err != nil {
				return nil, err
			}
			gn := &generic{name: ts.Name.Name, isType: true, params: params, methods: map[string]*template{}}
			if old := g.generics[gn.name]; old != nil && old.isType {
				for k, v := range old.methods {
					gn.methods[k] = v // methods stay when a type is declared again
				}
			}
			g.generics[gn.name] = gn
			g.fresh = append(g.fresh, gn)
			changed[gn.name] = true
		}
	}
	for _, it := range g.cell.Items {
		switch n := it.(type) {
		case *ast.DeclStmt:
			gd, ok := n.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				if ts := s.(*ast.TypeSpec); ts.TypeParams != nil {
					gn := g.generics[ts.Name.Name]
					t, err := g.template(ts, ts.Pos(), ts.End(), gn.params, ts.Name, ts.TypeParams)
					if err != nil {
						return nil, err
					}
					gn.decl = t
				}
			}
		case *ast.FuncDecl:
			if n.Recv == nil {
				if n.Type.TypeParams == nil {
					continue
				}
				gn := g.generics[n.Name.Name]
				t, err := g.template(n, n.Pos(), n.End(), gn.params, n.Name, n.Type.TypeParams)
				if err != nil {
					return nil, err
				}
				gn.decl = t
				continue
			}
			if len(n.Recv.List) != 1 {
				continue
			}
			base, isGeneric := cellsrc.RecvBase(n.Recv.List[0].Type)
			if !isGeneric {
				continue
			}
			old := g.generics[base]
			if old == nil || !old.isType {
				return nil, errUnsupported
			}
			params, err := g.recvParams(n.Recv.List[0].Type)
			if err != nil {
				return nil, err
			}
			t, err := g.template(n, n.Pos(), n.End(), params, nil, nil)
			if err != nil {
				return nil, err
			}
			t.params = params
			gn := old
			if !changed[base] { // a method given to a type of an earlier cell
				gn = &generic{name: old.name, isType: true, params: old.params, decl: old.decl, methods: map[string]*template{}}
				for k, v := range old.methods {
					gn.methods[k] = v
				}
				g.generics[base] = gn
				g.fresh = append(g.fresh, gn)
				changed[base] = true
			}
			gn.methods[n.Name.Name] = t
		}
	}
	return changed, nil
}

// paramsOf returns the type parameters a type parameter list declares.
func (g *gen) paramsOf(list *ast.FieldList) ([]*types.TypeParam, error) {
	var ids []ast.Expr
	for _, f := range list.List {
		for _, id := range f.Names {
			ids = append(ids, id)
		}
	}
	return g.declaredParams(ids)
}

// recvParams returns the type parameters a method's receiver declares.
func (g *gen) recvParams(x ast.Expr) ([]*types.TypeParam, error) {
	if st, ok := x.(*ast.StarExpr); ok {
		x = st.X
	}
	switch t := ast.Unparen(x).(type) {
	case *ast.IndexExpr:
		return g.declaredParams([]ast.Expr{t.Index})
	case *ast.IndexListExpr:
		return g.declaredParams(t.Indices)
	}
	return nil, errUnsupported
}

// declaredParams returns the type parameters the identifiers ids declare.
func (g *gen) declaredParams(ids []ast.Expr) ([]*types.TypeParam, error) {
	var out []*types.TypeParam
	for _, e := range ids {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil, errUnsupported
		}
		tn, ok := g.info.Def(g.cell.Off(id.Pos())).(*types.TypeName)
		if !ok {
			return nil, errUnsupported
		}
		tp, ok := tn.Type().(*types.TypeParam)
		if !ok {
			return nil, errUnsupported
		}
		out = append(out, tp)
	}
	return out, nil
}

// template makes the template of the declaration n at [start, end) with
// type parameters params; name (nil for a method) is replaced by the
// instance's name and the list tparams dropped.
func (g *gen) template(n ast.Node, start, end token.Pos, params []*types.TypeParam, name *ast.Ident, tparams *ast.FieldList) (*template, error) {
	s, e := g.cell.Off(start), g.cell.Off(end)
	own := map[*types.TypeParam]bool{}
	for _, p := range params {
		own[p] = true
	}
	var edits []edit
	if name != nil {
		edits = append(edits, edit{start: g.cell.Off(name.Pos()), end: g.cell.Off(name.End()), kind: editName})
	}
	if tparams != nil {
		edits = append(edits, edit{start: g.cell.Off(tparams.Opening), end: g.cell.Off(tparams.Closing) + 1, kind: editDrop})
	}
	refs, err := g.refs(n, func(tp *types.TypeParam) bool { return own[tp] })
	if err != nil {
		return nil, err
	}
	edits = append(edits, refs...)
	edits = outermost(edits)
	for i := range edits {
		edits[i].start -= s
		edits[i].end -= s
	}
	line := strings.Count(g.src[:s], "\n") + 1
	col := s - strings.LastIndex(g.src[:s], "\n")
	return &template{src: g.src[s:e], edits: edits, line: g.serial*cellsrc.LineStride + line, col: col}, nil
}

// refs returns the edits of n's type parameters (those own reports) and
// of its uses of instances of the cells' generics.
func (g *gen) refs(n ast.Node, own func(*types.TypeParam) bool) ([]edit, error) {
	indexOf := map[*ast.Ident]ast.Expr{}
	operand := map[ast.Expr]bool{} // a type written where an expression may be
	embedded := map[ast.Expr]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType:
			for _, f := range n.Fields.List {
				if len(f.Names) == 0 { // an embedded field is named by its type
					x := f.Type
					if st, ok := x.(*ast.StarExpr); ok {
						x = st.X
					}
					embedded[x] = true
				}
			}
		case *ast.IndexExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				indexOf[id] = n
			}
		case *ast.IndexListExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				indexOf[id] = n
			}
		case *ast.CallExpr: // T(x): a conversion
			operand[n.Fun] = true
		case *ast.SelectorExpr: // T.Method: a method expression
			operand[n.X] = true
		}
		return true
	})
	var edits []edit
	var err error
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || err != nil {
			return err == nil
		}
		off := g.cell.Off(id.Pos())
		obj := g.info.Use(off)
		if own != nil && local(obj, g.info.Def(off)) {
			edits = append(edits, edit{start: off, end: off + len(id.Name), kind: editLocal})
			return true
		}
		if tn, ok := obj.(*types.TypeName); ok {
			if tp, ok := tn.Type().(*types.TypeParam); ok {
				if own == nil || !own(tp) {
					err = errUnsupported
					return false
				}
				edits = append(edits, edit{start: off, end: off + len(id.Name), kind: editParam, tp: tp, operand: operand[id]})
				return true
			}
		}
		inst, ok := g.info.Instance(off)
		if !ok || obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "main" || g.generics[obj.Name()] == nil {
			return true
		}
		if obj.Parent() != obj.Pkg().Scope() {
			return true
		}
		var args []types.Type
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			a := inst.TypeArgs.At(i)
			if own == nil && mentionsParams(a, 0) {
				err = errUnsupported
				return false
			}
			args = append(args, a)
		}
		var span ast.Node = id
		if x, ok := indexOf[id]; ok {
			span = x
			if embedded[x] {
				// the instance's name would name the field (%+v, json,
				// selectors): left to the interpreter
				err = errUnsupported
				return false
			}
		}
		edits = append(edits, edit{start: off, end: g.cell.Off(span.End()), kind: editRef, origin: obj.Name(), args: args})
		return true
	})
	return edits, err
}

// local reports whether the identifier using use or defining def names a
// variable or constant declared inside a function (not a field).
func local(use, def types.Object) bool {
	obj := use
	if obj == nil {
		obj = def
	}
	switch o := obj.(type) {
	case *types.Var:
		if o.IsField() {
			return false
		}
	case *types.Const:
	default:
		return false
	}
	return obj.Pkg() != nil && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope()
}

// cellRefs returns the edits of the cell's code outside its generic
// declarations: each use of an instance of a generic of the cells.
func (g *gen) cellRefs() ([]edit, error) {
	var edits []edit
	for _, it := range g.cell.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			if n.Type.TypeParams != nil {
				continue
			}
			if n.Recv != nil && len(n.Recv.List) == 1 {
				if _, isGeneric := cellsrc.RecvBase(n.Recv.List[0].Type); isGeneric {
					continue
				}
			}
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, s := range gd.Specs {
					if ts := s.(*ast.TypeSpec); ts.TypeParams == nil {
						es, err := g.refs(ts, nil)
						if err != nil {
							return nil, err
						}
						edits = append(edits, es...)
					}
				}
				continue
			}
		}
		es, err := g.refs(it, nil)
		if err != nil {
			return nil, err
		}
		edits = append(edits, es...)
	}
	return outermost(edits), nil
}

// outermost sorts edits and drops those inside another.
func outermost(edits []edit) []edit {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end > edits[j].end
	})
	var out []edit
	end := -1
	for _, e := range edits {
		if e.start < end {
			continue
		}
		out = append(out, e)
		end = e.end
	}
	return out
}
