package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// yaegi ignores a method that is declared again, and binds the names a
// method uses when it is compiled. So a method of a non-generic type is
// compiled as a trampoline that calls a package-level func variable:
//
//	var __gkm_T_M func(r T, a int) string
//	func (r T) M(a int) string { return __gkm_T_M(r, a) }
//	__gkm_T_M = func(r T, a int) string { BODY }
//
// Redefining the method (or a name its body uses) only assigns the variable
// again. A changed signature is refused.

// implName is the variable holding the body of method T.M.
func implName(typ, method string) string { return "__gkm_" + typ + "_" + method }

// RecvBase returns the base type name of a receiver and whether the type
// is generic.
func RecvBase(x ast.Expr) (string, bool) {
	if st, ok := x.(*ast.StarExpr); ok {
		x = st.X
	}
	switch t := ast.Unparen(x).(type) {
	case *ast.Ident:
		return t.Name, false
	case *ast.IndexExpr:
		name, _ := RecvBase(t.X)
		return name, true
	case *ast.IndexListExpr:
		name, _ := RecvBase(t.X)
		return name, true
	}
	return "", false
}

// method adds a method declaration.
func (c *compiler) method(fd *ast.FuncDecl, addDecl func(string, *Decl) *Step) error {
	recv := fd.Recv.List[0]
	base, generic := RecvBase(recv.Type)
	key := base + "." + fd.Name.Name
	old := c.env.Lookup(key)
	if generic {
		norm := normalize(c.text(fd))
		if old != nil {
			if old.Norm == norm {
				return nil
			}
			c.errorAt(c.off(fd.Pos()), "method %s of generic type %s is already defined differently; yaegi cannot change it: run %%reset (or restart the kernel) and run the cells again", key, base)
			return c.errs[0]
		}
		addDecl(c.render(fd), &Decl{Name: key, Kind: "method", Norm: norm, Refs: refsOf(fd)})
		return nil
	}
	sig := c.signature(recv.Type, fd.Type)
	if old != nil && old.Norm != sig {
		c.errorAt(c.off(fd.Pos()), "method %s is already defined with a different signature; yaegi cannot change a method's signature: run %%reset (or restart the kernel) and run the cells again", key)
		return c.errs[0]
	}
	recvName := "__gkr"
	if len(recv.Names) == 1 && recv.Names[0].Name != "_" {
		recvName = recv.Names[0].Name
	}
	recvType := c.render(recv.Type)
	var params, args []string
	for i, f := range fd.Type.Params.List {
		names := f.Names
		if len(names) == 0 {
			names = []*ast.Ident{{Name: "_"}}
		}
		for j, id := range names {
			name := id.Name
			if name == "_" {
				name = "__gkp" + strconv.Itoa(i) + "_" + strconv.Itoa(j)
			}
			params = append(params, name+" "+c.render(f.Type))
			if _, variadic := f.Type.(*ast.Ellipsis); variadic {
				name += "..."
			}
			args = append(args, name)
		}
	}
	results := ""
	if fd.Type.Results != nil {
		results = " " + c.render(fd.Type.Results)
	}
	impl := implName(base, fd.Name.Name)
	funcType := "func(" + strings.Join(append([]string{recvName + " " + recvType}, params...), ", ") + ")" + results
	assign := impl + " = " + funcType + " " + c.render(fd.Body)
	d := &Decl{Name: key, Kind: "method", Norm: sig, Src: assign, Refs: refsOf(fd)}
	src := ""
	if old == nil {
		ret := ""
		if results != "" {
			ret = "return "
		}
		src = "var " + impl + " " + funcType + "\n" + c.w.directive(c.off(fd.Pos())) +
			"func (" + recvName + " " + recvType + ") " + fd.Name.Name + "(" + strings.Join(params, ", ") + ")" + results +
			" { " + ret + impl + "(" + strings.Join(append([]string{recvName}, args...), ", ") + ") }"
	}
	s := addDecl(src, d)
	s.Assigns = append(s.Assigns, assign)
	return nil
}

// signature is the normalized type of a method: receiver, parameter and
// result types.
func (c *compiler) signature(recv ast.Expr, ft *ast.FuncType) string {
	parts := []string{normalize(c.text(recv))}
	for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
		parts = append(parts, "|")
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for range n {
				parts = append(parts, normalize(c.text(f.Type)))
			}
		}
	}
	return strings.Join(parts, " ")
}

// normalize returns Go source as its tokens separated by spaces, so that
// layout and comments do not matter when definitions are compared.
func normalize(src string) string {
	var b strings.Builder
	for _, t := range scanTokens(src) {
		if t.tok == token.SEMICOLON {
			continue
		}
		s := t.lit
		if s == "" || t.tok.IsOperator() && t.tok.String() != "" {
			s = t.tok.String()
		}
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()
}

// dynamicTypeName returns what prints %T of an operand of interface type t
// (\x00 stands for it). yaegi keeps a value of an interface type of the
// cells with its dynamic type, which cellrt.DynType reads; fmt sees only
// the underlying type (struct { R float64 } for a main.Circle), or yaegi's
// wrapper for an interface of a compiled package (interp._error). For a
// non-empty interface, type assertions to the cells' types that implement
// it names the others, leaving out the types yaegi cannot tell apart
// (see cellImplementers); other values print as fmt prints them.
func (c *compiler) dynamicTypeName(t types.Type) string {
	ts := c.types.TypeString(t)
	if ts == "" {
		return ""
	}
	var cases strings.Builder
	if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
		for _, impl := range c.cellImplementers(it) {
			name, code := goTypeName(impl), c.types.TypeString(impl)
			if name != "" && code != "" {
				cases.WriteString("if _, ok := v.(" + code + "); ok { return " + strconv.Quote(name) + " }; ")
			}
		}
	}
	return "func(v " + ts + ") string { if n := " + RuntimeName + ".DynType(&v); n != \"\" { return n }; " + cases.String() + "return __gkfmt.Sprintf(\"%T\", v) }(\x00)"
}

// cellImplementers returns the package-level, non-generic named types of
// the cells T and *T that implement iface and that yaegi tells apart from
// every other one in a type assertion: it compares their reflect types, in
// which the cells' types are their underlying types (main.Cat and main.Dog
// of struct{} are the same type for it), so types of the same shape are
// left out.
func (c *compiler) cellImplementers(iface *types.Interface) []types.Type {
	scope := c.types.Scope()
	if scope == nil {
		return nil
	}
	var impls []types.Type
	count := map[string]int{}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || strings.HasPrefix(name, "__gk") {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams() != nil || types.IsInterface(n) {
			continue
		}
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if types.Implements(t, iface) {
				impls = append(impls, t)
				count[shape(t, 0)]++
			}
		}
	}
	var out []types.Type
	for _, t := range impls {
		if s := shape(t, 0); count[s] == 1 && !strings.Contains(s, "?") {
			out = append(out, t)
		}
	}
	return out
}

// shape writes t as yaegi's reflect types see it: the named types of the
// cells replaced by their underlying types ("?" where it gives up).
func shape(t types.Type, depth int) string {
	if depth > 8 {
		return "?"
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main" {
			return shape(t.Underlying(), depth+1)
		}
		return types.TypeString(t, nil)
	case *types.Pointer:
		return "*" + shape(t.Elem(), depth+1)
	case *types.Slice:
		return "[]" + shape(t.Elem(), depth+1)
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + shape(t.Elem(), depth+1)
	case *types.Map:
		return "map[" + shape(t.Key(), depth+1) + "]" + shape(t.Elem(), depth+1)
	case *types.Chan:
		return "chan(" + strconv.Itoa(int(t.Dir())) + ")" + shape(t.Elem(), depth+1)
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			b.WriteString(f.Name() + " " + shape(f.Type(), depth+1) + " " + strconv.Quote(t.Tag(i)) + strconv.FormatBool(f.Embedded()) + ";")
		}
		return b.String() + "}"
	case *types.Basic:
		return t.Name()
	}
	return "?" // functions, interfaces: left out
}

// A type switch on a value of a cell type held in an interface of a
// compiled package (switch err.(type) { case *MyErr: ... } on an error)
// matches none of its cases in yaegi, and a case of a compiled interface
// (case error:) matches no compiled value held in an any; yaegi's type
// assertions (v, ok := x.(T)) get them right, but for a value of a cell
// type that went through an interface of a compiled package into an any
// (still in yaegi's wrapper), which cellrt.Wrapped unwraps. A type switch on a name or
// a selector, without init statement or label, whose cases do not break
// out of it, is lowered to a chain of them:
//
//	if __gkt := x; false {
//	} else if v, ok := __gkt.(T); ok { _ = v; ...
//	} else if __gkt == nil || func() bool { _, ok := __gkt.(U); return ok }() { v := __gkt; _ = v; ...
//	} else { v := __gkt; _ = v; ... }
func (c *compiler) lowerTypeSwitch(ts *ast.TypeSwitchStmt) {
	if ts.Init != nil || c.labeled[ts] {
		return
	}
	var bind string
	var guard ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bind, guard = a.Lhs[0].(*ast.Ident).Name, a.Rhs[0]
	case *ast.ExprStmt:
		guard = a.X
	}
	ta, ok := ast.Unparen(guard).(*ast.TypeAssertExpr)
	if !ok || !isPath(ta.X) {
		return
	}
	for _, cl := range ts.Body.List {
		if breaksOut(cl.(*ast.CaseClause).Body) {
			return
		}
	}
	tmp := c.temp("t")
	c.w.add(c.off(ts.Pos()), c.off(ts.End()), func(w *rewriter) string {
		var b strings.Builder
		b.WriteString("if " + tmp + " := " + c.render(ta.X) + "; false { }")
		var def *ast.CaseClause
		body := func(cl *ast.CaseClause, set string) {
			if bind != "" && bind != "_" {
				b.WriteString(set + "_ = " + bind + "; ")
			}
			if len(cl.Body) > 0 {
				b.WriteString(c.w.render(c.off(cl.Body[0].Pos()), c.off(cl.Body[len(cl.Body)-1].End())))
			}
			b.WriteString("; }")
		}
		for _, s := range ts.Body.List {
			cl := s.(*ast.CaseClause)
			if cl.List == nil {
				def = cl
				continue
			}
			if len(cl.List) == 1 && !isNilIdent(cl.List[0]) {
				v := bind
				if v == "" {
					v = "_"
				}
				t := c.render(cl.List[0])
				assert := tmp + ".(" + t + ")"
				if c.wrappable(cl.List[0]) {
					// a value of a cell type in yaegi's wrapper: see cellrt.Wrapped
					assert = "func() (" + t + ", bool) { if v, ok := " + tmp + ".(" + t + "); ok { return v, true }; if w, ok := " + RuntimeName + ".Wrapped(" + tmp + "); ok { v, ok := w.(" + t + "); return v, ok }; var z " + t + "; return z, false }()"
				}
				b.WriteString(" else if " + v + ", ok := " + assert + "; ok { ")
				body(cl, "")
				continue
			}
			var conds []string
			for _, t := range cl.List {
				if isNilIdent(t) {
					conds = append(conds, tmp+" == nil")
				} else {
					conds = append(conds, "func() bool { _, ok := "+tmp+".("+c.render(t)+"); return ok }()")
				}
			}
			b.WriteString(" else if " + strings.Join(conds, " || ") + " { ")
			body(cl, bind+" := "+tmp+"; ")
		}
		if def != nil {
			b.WriteString(" else { ")
			body(def, bind+" := "+tmp+"; ")
		}
		return b.String()
	})
}

// wrappable reports whether the type x is a type of the cells that is not
// an interface, whose values yaegi may hold in a wrapper.
func (c *compiler) wrappable(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	return t != nil && !types.IsInterface(t) && mentionsCellType(t)
}

// isNilIdent reports whether x is the identifier nil.
func isNilIdent(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && id.Name == "nil"
}

// breaksOut reports whether list has a break that leaves the statement
// it is in (an unlabeled break outside nested loops, switches, selects
// and func literals, or a labeled one).
func breaksOut(list []ast.Stmt) bool {
	found := false
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if b, ok := m.(*ast.BranchStmt); ok && b.Label != nil && b.Tok == token.BREAK {
					found = true
				}
				_, lit := m.(*ast.FuncLit)
				return !found && !lit
			})
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK {
				found = true
			}
		}
		return !found
	}
	for _, s := range list {
		ast.Inspect(s, walk)
	}
	return found
}
