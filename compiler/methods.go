package compiler

import (
	"go/ast"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/interpvalue"
	"slices"
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

// method adds a method declaration.
func (c *compiler) method(fd *ast.FuncDecl, addDecl func(string, *Decl) *Step) error {
	recv := fd.Recv.List[0]
	base, generic := cellsrc.RecvBase(recv.Type)
	key := base + "." + fd.Name.Name
	old := c.env.Lookup(key)
	if generic {
		norm := cellsrc.Normalize(c.text(fd))
		if old != nil {
			if old.Norm == norm {
				return nil
			}
			c.errorAt(c.off(fd.Pos()), "method %s of generic type %s is already defined differently; yaegi cannot change it: run %%reset (or restart the kernel) and run the cells again", key, base)
			return c.errs[0]
		}
		addDecl(c.render(fd), &Decl{Name: key, Kind: "method", Norm: norm, Refs: cellsrc.RefsOf(fd)})
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
	unnamed := []string{recvType} // the var's type: names there were "variable definition loop" for yaegi when a global had one
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
			unnamed = append(unnamed, c.render(f.Type))
			params = append(params, name+" "+c.render(f.Type))
			if _, variadic := f.Type.(*ast.Ellipsis); variadic {
				name += "..."
			}
			args = append(args, name)
		}
	}
	results, unnamedResults := "", ""
	if fd.Type.Results != nil {
		results = " " + c.render(fd.Type.Results)
		var rs []string
		for _, f := range fd.Type.Results.List {
			for range max(len(f.Names), 1) {
				rs = append(rs, c.render(f.Type))
			}
		}
		unnamedResults = " (" + strings.Join(rs, ", ") + ")"
	}
	impl := implName(base, fd.Name.Name)
	funcType := "func(" + strings.Join(append([]string{recvName + " " + recvType}, params...), ", ") + ")" + results
	assign := impl + " = " + funcType + " " + c.render(fd.Body)
	d := &Decl{Name: key, Kind: "method", Norm: sig, Src: assign, Refs: cellsrc.RefsOf(fd)}
	src := ""
	if old == nil {
		ret := ""
		if results != "" {
			ret = "return "
		}
		src = "var " + impl + " func(" + strings.Join(unnamed, ", ") + ")" + unnamedResults + "\n" + c.w.Directive(c.off(fd.Pos())) +
			"func (" + recvName + " " + recvType + ") " + fd.Name.Name + "(" + strings.Join(params, ", ") + ")" + results +
			" { " + ret + impl + "(" + strings.Join(append([]string{recvName}, args...), ", ") + ") }"
		src += c.fmtMethod(fd, base, recvType)
		if fd.Name.Name == "Error" && !strings.Contains(recvType, "[") && c.types.Scope() != nil {
			src += celltype.SelfMethodDecls(c.types.Scope(), base, func(n string) bool { d := c.env.Lookup(n); return d != nil && d.Kind == "type" })
		}
		if fd.Name.Name == "Unwrap" && !strings.Contains(recvType, "[") && fd.Type.Params.NumFields() == 0 && fd.Type.Results.NumFields() == 1 && c.text(fd.Type.Results.List[0].Type) == "error" {
			recvs := []string{base, "*" + base} // a value receiver's method is *T's too
			if _, isPtr := ast.Unparen(recv.Type).(*ast.StarExpr); isPtr {
				recvs = recvs[1:]
			}
			for _, t := range recvs {
				src += "\nvar _ = " + RuntimeName + ".UnwrapMethod(" + strconv.Quote(t) + ", func(v " + t + ") error { return v.Unwrap() })"
			}
		}
		if fd.Name.Name == "Unwrap" && fd.Type.Params.NumFields() == 0 && fd.Type.Results.NumFields() == 1 && c.text(fd.Type.Results.List[0].Type) == "[]error" {
			// for the wrappers of errors with it (interpvalue.UnwrapAllMethod)
			src += "\nfunc (__gks " + recvType + ") " + interpvalue.UnwrapAllMethod + "() []error { return __gks.Unwrap() }"
		}
		if slices.Contains(celltype.JSONMethods, fd.Name.Name) {
			src += "\nvar _ = " + RuntimeName + ".Marshaler(" + strconv.Quote(base) + ", " + strconv.Quote(fd.Name.Name) + ")"
		}
	}
	s := addDecl(src, d)
	s.Assigns = append(s.Assigns, assign)
	return nil
}

// signature is the normalized type of a method: receiver, parameter and
// result types.
func (c *compiler) signature(recv ast.Expr, ft *ast.FuncType) string {
	parts := []string{cellsrc.Normalize(c.text(recv))}
	for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
		parts = append(parts, "|")
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for range n {
				parts = append(parts, cellsrc.Normalize(c.text(f.Type)))
			}
		}
	}
	return strings.Join(parts, " ")
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
	if it, ok := t.Underlying().(*types.Interface); ok && it.Empty() {
		ts = "any" // yaegi gave a func(v Expr) of a type Expr any nil
	}
	if ts == "" {
		return ""
	}
	var cases strings.Builder
	if it, ok := t.Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
		v := "v"
		if celltype.IsCellInterface(t) {
			v = "any(v)" // see assertOKType
		}
		told := map[string]bool{} // by name: a pointer type is made anew by each call
		for _, impl := range c.cellImplementers(it, false) {
			name, code := celltype.GoName(impl), c.types.TypeString(impl)
			if name != "" && code != "" {
				told[name] = true
				cases.WriteString("if _, ok := " + v + ".(" + code + "); ok { return " + strconv.Quote(name) + " }; ")
			}
		}
		var untold []string
		all := c.cellImplementers(it, true)
		for _, impl := range all {
			if !told[celltype.GoName(impl)] {
				untold = append(untold, celltype.GoName(impl))
			}
		}
		// yaegi holds them in its wrapper without their types (the
		// assertions above are false on it)
		switch {
		case len(untold) > 0:
			cases.WriteString("if " + RuntimeName + ".Wrapper(v) { panic(" + strconv.Quote("%T of a value of the cells' types held in the interface "+ts+" is not supported by the interpreter when it cannot tell "+strings.Join(untold, ", ")+" apart (types of the same underlying type, held without their names): give them different underlying types, or use %T on a value of its own type") + ") }; ")
		case len(all) > 0:
			// (a Money asserted to fmt.Formatter printed the wrapper's type)
			cases.WriteString("if " + RuntimeName + ".Wrapper(v) { panic(" + strconv.Quote("%T of a value of the cells' types held in the interface "+ts+" is not supported by the interpreter: it holds them there without their types; use %T on the value before it is converted to "+ts+", or on a value of its own type") + ") }; ")
		}
	}
	// a value of a compiled type (io.Discard in an io.Writer): yaegi
	// panicked asserting it to a type of the cells
	tries := cases.String()
	if tries != "" {
		tries = "if " + RuntimeName + ".Compiled(v) { return " + RuntimeName + ".TypeString(v) }; " + tries
	}
	return "func(v " + ts + ") string { if n := " + RuntimeName + ".DynType(&v); n != \"\" { return n }; " + tries + "return " + RuntimeName + ".TypeString(v) }(\x00)"
}

// A type switch on a value of a cell type held in an interface of a
// compiled package (switch err.(type) { case *MyErr: ... } on an error)
// matches none of its cases in yaegi, and a case of a compiled interface
// (case error:) matches no compiled value held in an any; yaegi's type
// assertions (v, ok := x.(T)) get them right, but for a value of a cell
// type that went through an interface of a compiled package into an any
// (still in yaegi's wrapper), which cellrt.Wrapped unwraps. A type switch
// without a label is lowered to a chain of them (in a loop of one
// iteration when a case breaks out of it, and not when a case also
// continues an outer loop):
//
//	if __gkt := x; false {
//	} else if v, ok := __gkt.(T); ok { _ = v; ...
//	} else if __gkt == nil || func() bool { _, ok := __gkt.(U); return ok }() { v := __gkt; _ = v; ...
//	} else { v := __gkt; _ = v; ... }
func (c *compiler) lowerTypeSwitch(ts *ast.TypeSwitchStmt) {
	if c.labeled[ts] {
		c.refuseBareCases(ts)
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
	if !ok {
		return
	}
	// A break leaving the switch leaves a loop of one iteration around
	// the chain instead, unless a continue would then end that loop.
	once := false
	for _, cl := range ts.Body.List {
		if cellsrc.BreaksOut(cl.(*ast.CaseClause).Body) {
			once = true
		}
	}
	if once && cellsrc.ContinuesOut(ts.Body) {
		c.refuseBareCases(ts)
		return
	}
	tmp := c.temp("t")
	asserts := map[ast.Expr]func() string{}
	for _, cl := range ts.Body.List {
		for _, t := range cl.(*ast.CaseClause).List {
			asserts[t] = c.assertOK(func() string { return tmp }, c.exprType(ta.X), t)
		}
	}
	assert := func(t ast.Expr) string {
		if f := asserts[t]; f != nil {
			return f()
		}
		return tmp + ".(" + c.render(t) + ")"
	}
	c.w.Add(c.off(ts.Pos()), c.off(ts.End()), func(w *cellsrc.Rewriter) string {
		var b strings.Builder
		if once {
			b.WriteString("for " + tmp + "once := true; " + tmp + "once; " + tmp + "once = false { ")
		}
		if ts.Init != nil {
			b.WriteString("{ " + c.render(ts.Init) + "; ")
		}
		b.WriteString("if " + tmp + " := " + c.render(ta.X) + "; false { }")
		var def *ast.CaseClause
		body := func(cl *ast.CaseClause, set string) {
			if bind != "" && bind != "_" {
				b.WriteString(set + "_ = " + bind + "; ")
			}
			if len(cl.Body) > 0 {
				b.WriteString(c.w.Render(c.off(cl.Body[0].Pos()), c.off(cl.Body[len(cl.Body)-1].End())))
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
				b.WriteString(" else if " + v + ", ok := " + assert(cl.List[0]) + "; ok { ")
				body(cl, "")
				continue
			}
			var conds []string
			for _, t := range cl.List {
				if isNilIdent(t) {
					conds = append(conds, tmp+" == nil")
				} else {
					conds = append(conds, "func() bool { _, ok := "+assert(t)+"; return ok }()")
				}
			}
			b.WriteString(" else if " + strings.Join(conds, " || ") + " { ")
			body(cl, bind+" := "+tmp+"; ")
		}
		if def != nil {
			b.WriteString(" else { ")
			body(def, bind+" := "+tmp+"; ")
		}
		if ts.Init != nil {
			b.WriteString(" }")
		}
		if once {
			b.WriteString(" }")
		}
		return b.String()
	})
}

// wrappable reports whether the type x is a type of the cells that is not
// an interface, whose values yaegi may hold in a wrapper.
func (c *compiler) wrappable(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	return t != nil && !types.IsInterface(t) && celltype.Mentions(t)
}

// isNilIdent reports whether x is the identifier nil.
func isNilIdent(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && id.Name == "nil"
}

// yaegi's type assertions go wrong in four ways that assertOK works
// around: a nil interface value asserted to a non-empty interface
// dereferences nil; an assertion to an empty interface (x.(any)) never
// holds; a value of a cell type held in an interface matches no compiled
// interface it implements (v.(error) on a valErr); and a value of a cell
// type that went through an interface of a compiled package is in yaegi's
// wrapper (see wrappable). After yaegi's own assertion, one to an
// interface tries the cells' types that implement it, each when the
// value's dynamic type (cellrt.DynType) is that type, then the value
// unwrapped (cellrt.Wrapped).

// assertTarget returns the asserted type of x.(T) if yaegi needs help
// with it (an interface, not a type parameter, or a type of the cells),
// and whether it is an empty interface.
func (c *compiler) assertTarget(typ types.Type) (_ types.Type, empty, ok bool) {
	if typ == nil || c.types.TypeString(typ) == "" {
		return nil, false, false
	}
	if _, isParam := types.Unalias(typ).(*types.TypeParam); isParam {
		return nil, false, false
	}
	if it, isIface := typ.Underlying().(*types.Interface); isIface {
		return typ, it.Empty(), true
	}
	return typ, false, celltype.Mentions(typ) || c.underlyingOfCellType(typ)
}

// assertOK returns the comma-ok form of x.(T), x of type from: a call
// that evaluates x (gen returns its code) once; nil when yaegi's own is
// right.
func (c *compiler) assertOK(gen func() string, from types.Type, t ast.Expr) func() string {
	return c.assertOKType(gen, from, c.exprType(t))
}

// exprType returns the type of x, or nil.
func (c *compiler) exprType(x ast.Expr) types.Type {
	return c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
}

// assertOKType is assertOK for the type t.
func (c *compiler) assertOKType(gen func() string, from, t types.Type) func() string {
	typ, empty, ok := c.assertTarget(t)
	if !ok {
		return nil
	}
	ts := c.types.TypeString(typ)
	x, v, z, w, d := c.temp("n"), c.temp("n"), c.temp("n"), c.temp("n"), c.temp("n")
	try := func(from, to string) string {
		return "if " + v + ", ok := " + from + ".(" + to + "); ok { return " + v + ", true }; "
	}
	// impls answers for a value of a cell type yaegi knows: the cells'
	// types that implement the interface are tried on from, the others
	// fail (yaegi crashes asserting them to an interface of the cells).
	var impls func(from string) string
	if it, isIface := typ.Underlying().(*types.Interface); isIface && !empty {
		var names, codes, byShape, shapes []string
		unique, known := c.structShapes()
		var fromIface *types.Interface
		if from != nil {
			fromIface, _ = from.Underlying().(*types.Interface)
		}
		for _, impl := range c.cellImplementers(it, true) {
			if fromIface != nil && !types.AssertableTo(fromIface, impl) {
				continue // x cannot hold one (and yaegi refuses to try)
			}
			if n, s := celltype.GoName(impl), c.types.TypeString(impl); n != "" && s != "" {
				names, codes = append(names, n), append(codes, s)
				shapes = append(shapes, celltype.Shape(impl, 0))
				if unique[strings.TrimPrefix(celltype.Shape(impl, 0), "*")] {
					byShape = append(byShape, try(x, s))
				} else if s := celltype.Shape(impl, 0); strings.HasPrefix(strings.TrimPrefix(s, "*"), "struct{") {
					byShape = append(byShape, "if _, ok := "+x+".("+c.types.TypeString(impl)+"); ok { panic("+strconv.Quote("the interpreter cannot tell a "+n+" from the cells' other types with the same fields in this type assertion: give the types different fields, or assert to the concrete type")+") }; ")
				}
			}
		}
		impls = func(from string) string {
			var b strings.Builder
			b.WriteString("if " + d + " := " + RuntimeName + ".DynType(&" + from + "); " + d + " != \"\" { ")
			for i, n := range names {
				// any(from): yaegi calls impossible an assertion to a type
				// that implements the interface by a method promoted through
				// an embedded pointer (a Marker embedding *Point)
				b.WriteString("if " + d + " == " + strconv.Quote(n) + " { " + try("any("+from+")", codes[i]))
				if strings.HasPrefix(shapes[i], "struct{") { // maybe in a wrapper of interpvalue.SelfMethod
					b.WriteString("{ var " + v + " " + codes[i] + "; if " + RuntimeName + ".SelfHeld(&" + v + ", " + from + ", " + strconv.Quote(n) + ") { return " + v + ", true } }; ")
				}
				b.WriteString("}; ")
			}
			if len(known) > 0 {
				b.WriteString("switch " + d + " { case " + strings.Join(known, ", ") + ": return " + z + ", false }; ")
			}
			// yaegi keeps no type of a value of a struct type (or a
			// pointer to one): its shape
			b.WriteString("} else { ")
			for _, s := range byShape {
				b.WriteString(strings.NewReplacer(x+".(", from+".(", "any("+x+")", "any("+from+")").Replace(s))
			}
			return b.String() + "}; "
		}
	}
	return func() string {
		var b strings.Builder
		b.WriteString("func() (" + ts + ", bool) { " + x + " := " + gen() + "; var " + z + " " + ts + "; ")
		if !empty && !types.IsInterface(typ) && !celltype.Mentions(typ) {
			// a type not of the cells that is the underlying type of one
			// (see foreignAssert)
			return b.String() + "if " + d + " := " + RuntimeName + ".DynType(&" + x + "); " + d + " != \"\" { return " + z + ", false }; " + c.twinGuard(typ, x) + try(x, ts) + "return " + z + ", false }()"
		}
		if empty {
			return b.String() + "if " + x + " == nil { return " + z + ", false }; return " + x + ", true }()"
		}
		if impls != nil {
			b.WriteString("if " + x + " == nil { return " + z + ", false }; " + impls(x))
		}
		b.WriteString(c.sameShapeGuard(typ, x, d, z) + try(x, ts) + c.nilPointerTry(x, typ, z) + "if " + w + ", ok := " + RuntimeName + ".Wrapped(" + x + "); ok { ")
		if impls != nil {
			b.WriteString(impls(w))
		}
		return b.String() + try(w, ts) + c.heldTry(typ, x, z) + "}; " + c.twinTry(x, typ, ", true") + "return " + z + ", false }()"
	}
}

// lowerAssert rewrites a type assertion yaegi gets wrong (see assertOK):
// the right side of v, ok := x.(T) as assertOK's call, x.(T) anywhere
// else as a call of it that asserts again (and panics) when it fails.
func (c *compiler) lowerAssert(ta *ast.TypeAssertExpr, commaOK bool) {
	if ta.Type == nil || c.assertDone[ta] {
		return
	}
	c.assertDone[ta] = true
	// A value of a cell type in an interface of a compiled package
	// (an error) is not even copied right by yaegi: left as it is.
	xt := c.types.ExprType(c.off(ta.X.Pos()), c.off(ta.X.End()))
	if it, ok := types.Unalias(xt).(*types.Interface); (!ok || !it.Empty()) && !celltype.Mentions(xt) && !c.betweenInterfaces(xt, ta.Type) {
		c.lowerCompiledAssert(ta, xt, commaOK)
		return
	}
	if c.foreignAssert(ta, commaOK) {
		return
	}
	if commaOK {
		if ok := c.assertOK(func() string { return c.render(ta.X) }, xt, ta.Type); ok != nil {
			c.w.Add(c.off(ta.Pos()), c.off(ta.End()), func(*cellsrc.Rewriter) string { return ok() })
		}
		return
	}
	x := c.temp("n")
	ok := c.assertOK(func() string { return x }, xt, ta.Type)
	if ok == nil {
		return
	}
	tt := c.types.ExprType(c.off(ta.Type.Pos()), c.off(ta.Type.End()))
	ts, fail := c.types.TypeString(tt), c.assertPanic(x, xt, tt)
	c.w.Add(c.off(ta.Pos()), c.off(ta.End()), func(*cellsrc.Rewriter) string {
		return "func() " + ts + " { " + x + " := " + c.render(ta.X) + "; if v, ok := " + ok() + "; ok { return v }; " + fail + " }()"
	})
}

// lowerCommaOKAssert lowers the type assertion of v, ok := x.(T),
// v, ok = x.(T) and var v, ok = x.(T).
func (c *compiler) lowerCommaOKAssert(n ast.Node) {
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		rhs = n.Values
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
	}
	if len(lhs) == 2 && len(rhs) == 1 {
		if ta, ok := ast.Unparen(rhs[0]).(*ast.TypeAssertExpr); ok {
			c.lowerAssert(ta, true)
		}
	}
}

// selfTries returns the statements returning x's value as t, an interface,
// when x, an error, holds a value of a struct type of the cells implementing
// t in a wrapper of interpvalue.SelfMethod (yaegi asserts none out of it).
func (c *compiler) selfTries(x string, t types.Type) string {
	var b strings.Builder
	for _, impl := range c.cellImplementers(t.Underlying().(*types.Interface), true) {
		if n, ok := impl.(*types.Named); ok && celltype.SelfMethodDecl(n, "") != "" && c.types.TypeString(n) != "" {
			b.WriteString("{ var __gks " + c.types.TypeString(n) + "; if " + RuntimeName + ".SelfHeld(&__gks, " + x + ", " + strconv.Quote(celltype.GoName(n)) + ") { return __gks, true } }; ")
		}
	}
	return b.String()
}
