package compiler

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"strconv"
	"strings"
)

// Decl is a top-level declaration of the cells.
type Decl struct {
	Name string // the name, or Type.Method
	Kind string // func, var, const, type, import or method
	Type string // type, signature or import path, for Names
	// Src re-declares a func; for a method it assigns its body.
	Src  string
	Refs map[string]bool // identifiers it mentions
	Norm string          // type: normalized definition; method: signature
}

// Name is a top-level name defined by cells, as %who lists it.
type Name struct {
	Name string
	Kind string // func, var, const, type or import
	Type string // type, signature or import path; "" if unknown
}

// A package-level var whose initializer mentions a global variable that an
// earlier evaluation defined (an earlier cell, or a top-level a := ... that
// ends the cell's group of declarations) fails in yaegi with "variable
// definition loop": yaegi orders the initializers of one evaluation by
// their dependencies and never finds the earlier one among them. Such a var
// (or one with a receive in its initializer, which is hoisted before the
// declaration), and the vars of its group whose initializers depend on it,
// are lowered to their declaration and an assignment that runs where the
// var is among the cell's statements: var y int64 = 1 << s  →  var y int64
// (with the group) and y = 1 << s.

// yaegi finds an initializer's dependencies by name (field names and the
// locals of closures included), so a var is lowered when its spec mentions
// the name of a global var of another evaluation. When its type does (var
// s struct{ v int } after v := 1), it is declared by a define instead:
// s := *new(struct{ v int }).

// varGroups finds the top-level var specs to lower (c.splitSpecs).
func (c *compiler) varGroups() {
	type spec struct {
		vs   *ast.ValueSpec
		run  int
		deps []types.Object // the vars of the same group it mentions
	}
	run := 0
	c.varRun = map[string]int{}
	c.defines = map[string]bool{}
	byVar := map[types.Object]*ast.ValueSpec{}
	var specs []spec
	for _, it := range c.p.Items {
		switch it := it.(type) {
		case *ast.AssignStmt:
			if it.Tok == token.DEFINE {
				run++ // a step of its own: the group ends
				for _, l := range it.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						c.defines[id.Name] = true
					}
				}
			}
		case *ast.DeclStmt:
			gd, ok := it.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				break
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, id := range vs.Names {
					c.varRun[id.Name] = run
					if obj := c.types.Def(c.off(id.Pos())); obj != nil {
						byVar[obj] = vs
					}
				}
				if !(len(vs.Names) == 2 && len(vs.Values) == 1) {
					specs = append(specs, spec{vs: vs, run: run})
				}
			}
		}
	}
	c.splitSpecs = map[*ast.ValueSpec]bool{}
	c.varRunOf = map[*ast.ValueSpec]int{}
	for i := range specs {
		sp := &specs[i]
		if sp.vs.Type != nil && c.mentionsOtherVar(sp.vs.Type, sp.run) {
			c.splitSpecs[sp.vs] = true
		}
		for _, v := range sp.vs.Values {
			if c.mentionsOtherVar(v, sp.run) || cellsrc.HasReceive(v) || c.callsGeneric(v) {
				c.splitSpecs[sp.vs] = true
			}
			ast.Inspect(v, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := c.types.Use(c.off(id.Pos())).(*types.Var); ok && byVar[v] != nil {
						sp.deps = append(sp.deps, v)
					}
				}
				return true
			})
		}
		c.varRunOf[sp.vs] = sp.run
	}
	for changed := true; changed; {
		changed = false
		for _, sp := range specs {
			for _, d := range sp.deps {
				if c.splitSpecs[byVar[d]] && !c.splitSpecs[sp.vs] && len(sp.vs.Values) > 0 {
					c.splitSpecs[sp.vs], changed = true, true
				}
			}
		}
	}
}

// mentionsOtherVar reports whether n mentions the name of a global var
// that is not initialized with the declarations of group run.
func (c *compiler) mentionsOtherVar(n ast.Node, run int) bool {
	for name := range cellsrc.RefsOf(n) {
		if r, ok := c.varRun[name]; ok {
			if r != run {
				return true
			}
			continue
		}
		if c.defines[name] {
			return true
		}
		if d := c.env.Lookup(name); d != nil && d.Kind == "var" {
			return true
		}
	}
	return false
}

// splitVar returns the declaration and the assignment of a top-level var
// spec to lower (see above), or "", "" to keep it. A declaration starting
// with ":" is a define (name := *new(T)).
func (c *compiler) splitVar(gd *ast.GenDecl, vs *ast.ValueSpec) (decl, assign string) {
	if !c.splitSpecs[vs] {
		return "", ""
	}
	var names []string
	var ds, defs []string
	for _, id := range vs.Names {
		names = append(names, id.Name)
		if id.Name == "_" {
			continue
		}
		var t string
		if vs.Type != nil {
			t = c.render(vs.Type)
		} else if t = c.types.TypeString(defType(c.types.Def(c.off(id.Pos())))); t == "" {
			return "", ""
		}
		ds = append(ds, "var "+id.Name+" "+t)
		defs = append(defs, id.Name+" := *new("+t+")")
	}
	decl = strings.Join(ds, "\n")
	if c.typeMentionsOtherVar(vs, defs) {
		decl = ":" + strings.Join(defs, "; ")
	}
	if len(vs.Values) == 0 {
		return decl, ""
	}
	// The receives hoisted out of the declaration, and its marker, are
	// inserted where it starts.
	at := c.off(gd.Pos())
	hoisted := c.w.Render(at, at)
	return decl, hoisted + strings.Join(names, ", ") + " = " + c.render(&valueList{vs.Values})
}

// typeMentionsOtherVar reports whether the type of a var spec to lower
// mentions the name of a global var of another evaluation.
func (c *compiler) typeMentionsOtherVar(vs *ast.ValueSpec, defs []string) bool {
	run := c.varRunOf[vs]
	if vs.Type != nil {
		return c.mentionsOtherVar(vs.Type, run)
	}
	for _, d := range defs {
		_, t, _ := strings.Cut(d, ":= ")
		x, err := parser.ParseExpr(t)
		if err != nil || c.mentionsOtherVar(x, run) {
			return true
		}
	}
	return false
}

// valueList is the range of a spec's values, commas included.
type valueList struct{ xs []ast.Expr }

func (l *valueList) Pos() token.Pos { return l.xs[0].Pos() }
func (l *valueList) End() token.Pos { return l.xs[len(l.xs)-1].End() }

// splitDefine lowers a top-level a, b := x whose right side instantiates a
// generic function, or indexes the result of a compiled function
// (strings.Fields(s)[0]), to declarations and an assignment: yaegi fails
// on such a package-level define ("not a generic type", "constant
// definition loop") and runs it as a statement. It returns "", "" to keep
// the define.
func (c *compiler) splitDefine(as *ast.AssignStmt) (decl, assign string, decls []*Decl) {
	split := false
	for _, x := range as.Rhs {
		ast.Inspect(x, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if inst, ok := c.types.Instance(c.off(n.Pos())); ok && inst.TypeArgs.Len() > 0 {
					split = true
				}
			case *ast.IndexExpr:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && c.compiledFunc(call.Fun) {
					split = true
				}
			}
			return !split
		})
	}
	if !split {
		return "", "", nil
	}
	decl, decls, ok := c.declaredVars(as, nil)
	if !ok {
		return "", "", nil
	}
	return decl, c.render(&valueList{as.Lhs}) + " = " + c.render(&valueList{as.Rhs}), decls
}

// declaredVars declares the names as defines but those in skip and the
// blanks, with their types (var a T\nvar b U); it reports false when a
// left side is not a name, a type cannot be written, or nothing is left.
func (c *compiler) declaredVars(as *ast.AssignStmt, skip map[string]bool) (string, []*Decl, bool) {
	var ds []string
	var decls []*Decl
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return "", nil, false
		}
		if id.Name == "_" || skip[id.Name] {
			continue
		}
		obj := c.types.Def(c.off(id.Pos()))
		if obj == nil {
			obj = c.types.Use(c.off(id.Pos()))
		}
		t := c.types.TypeString(defType(obj))
		if t == "" {
			return "", nil, false
		}
		ds = append(ds, "var "+id.Name+" "+t)
		decls = append(decls, &Decl{Name: id.Name, Kind: "var", Type: t, Refs: cellsrc.RefsOf(as)})
	}
	return strings.Join(ds, "\n"), decls, len(ds) > 0
}

// specType is the declared type of a var or const spec, or the kind of its
// literal value.
func (c *compiler) specType(vs *ast.ValueSpec) string {
	if vs.Type != nil {
		return c.text(vs.Type)
	}
	if len(vs.Values) == 1 {
		if bl, ok := vs.Values[0].(*ast.BasicLit); ok {
			return map[token.Token]string{token.INT: "int", token.FLOAT: "float64", token.STRING: "string", token.CHAR: "rune", token.IMAG: "complex128"}[bl.Kind]
		}
	}
	return ""
}

// commaOK returns the step for a top-level v, ok := x (map index,
// receive or type assertion), or nil if lhs, rhs is not one.
func (c *compiler) commaOK(lhs, rhs []ast.Expr) *Step {
	if len(lhs) != 2 || len(rhs) != 1 {
		return nil
	}
	s := &Step{Kind: StepCommaOK}
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return nil
		}
		s.LHS[i] = id.Name
	}
	switch x := ast.Unparen(rhs[0]).(type) {
	case *ast.IndexExpr:
	case *ast.UnaryExpr:
		if x.Op != token.ARROW {
			return nil
		}
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return nil
		}
		s.AssertType = c.render(x.Type)
	default:
		return nil
	}
	s.Src = c.render(rhs[0])
	for i, n := range s.LHS {
		if n != "_" {
			d := &Decl{Name: n, Kind: "var", Refs: cellsrc.RefsOf(rhs[0])}
			if i == 1 {
				d.Type = "bool"
			}
			s.Decls = append(s.Decls, d)
		}
	}
	return s
}

// userDefined reports whether name is a top-level name the user declared
// (in this cell or an earlier one; not an import), shadowing a builtin or
// a package.
func (c *compiler) userDefined(name string) bool {
	if c.defined[name] {
		return true
	}
	d := c.env.Lookup(name)
	return d != nil && d.Kind != "import"
}

// nameBlanks gives each blank name of a top-level var spec with values a
// name of its own (__gkblankSERIAL_N, not a declaration of the session):
// yaegi ran `var _ = f()` after the initializers of the cell's named vars,
// where Go runs them all in declaration order (corpus 435).
func (c *compiler) nameBlanks(vs *ast.ValueSpec) {
	if len(vs.Values) == 0 || c.splitSpecs[vs] || !c.callsFunc(vs) {
		return // no function runs: the order cannot show (var _ io.Writer = (*T)(nil) stays)
	}
	for _, id := range vs.Names {
		if id.Name == "_" {
			c.nTemp++
			c.w.Replace(c.off(id.Pos()), c.off(id.End()), "__gkblank"+strconv.Itoa(c.w.Base()/cellsrc.LineStride)+"_"+strconv.Itoa(c.nTemp))
		}
	}
}

// callsFunc reports whether the values of vs call a function (conversions
// are not calls).
func (c *compiler) callsFunc(vs *ast.ValueSpec) bool {
	found := false
	for _, v := range vs.Values {
		ast.Inspect(v, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				if t := c.types.ExprType(c.off(call.Fun.Pos()), c.off(call.Fun.End())); t != nil {
					_, found = t.Underlying().(*types.Signature)
				}
			}
			return !found
		})
	}
	return found
}

// blankCheck reports whether vs only declares blank names with values that
// cannot do anything when evaluated (nil, literals, names, conversions and
// addresses of them): `var _ io.Writer = (*T)(nil)`, the compile-time
// check that *T implements io.Writer. The type checker has made that check,
// so the spec is dropped (yaegi refused a nil *T in an io.Writer).
func (c *compiler) blankCheck(vs *ast.ValueSpec) bool {
	if len(vs.Values) == 0 {
		return false
	}
	for _, id := range vs.Names {
		if id.Name != "_" {
			return false
		}
	}
	for _, v := range vs.Values {
		if !c.inert(v) {
			return false
		}
	}
	return true
}

// reusedDefine lowers a top-level x, y := ... that assigns a variable the
// cell declared before it at the top level (x, in own) and declares the
// others (y). yaegi declared x again, so the right-hand side saw a new, zero
// x: q := 3; q, r := q*2, q printed 0 0, and t, err := t.Parse(s) called
// Parse on a nil *Template. The new variables are declared with their types,
// then every left-hand side is assigned. It returns "" for other defines.
func (c *compiler) reusedDefine(as *ast.AssignStmt, own map[string]bool) (decl, assign string, decls []*Decl) {
	reused := false
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && own[id.Name] {
			reused = true
		}
	}
	if !reused && !c.parallel(as) {
		return "", "", nil
	}
	decl, decls, ok := c.declaredVars(as, own)
	if !ok {
		return "", "", nil
	}
	if c.parallel(as) {
		if text, ok := c.parallelText(as, "="); ok {
			return decl, text(), decls
		}
	}
	if !reused {
		return "", "", nil
	}
	return decl, c.render(&valueList{as.Lhs}) + " = " + c.render(&valueList{as.Rhs}), decls
}

// collectDefined records the top-level names the cell defines.
func (c *compiler) collectDefined() {
	for _, it := range c.p.Items {
		switch it := it.(type) {
		case *ast.FuncDecl:
			if it.Recv == nil {
				c.defined[it.Name.Name] = true
			}
		case *ast.DeclStmt:
			for _, sp := range it.Decl.(*ast.GenDecl).Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, id := range sp.Names {
						c.defined[id.Name] = true
					}
				case *ast.TypeSpec:
					c.defined[sp.Name.Name] = true
					c.typeAt[sp.Name.Name] = c.off(sp.Name.Pos())
				}
			}
		case *ast.AssignStmt:
			if it.Tok == token.DEFINE {
				for _, l := range it.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						c.defined[id.Name] = true
					}
				}
			}
		}
	}
}

// funcDecl adds a func or method declaration.
func (c *compiler) funcDecl(fd *ast.FuncDecl, addDecl func(string, *Decl) *Step) error {
	name := fd.Name.Name
	if fd.Body == nil {
		c.errorAt(c.off(fd.Pos()), "missing function body")
		return c.errs[0]
	}
	if c.hiddenDecl(fd) {
		return nil // see checkHidden
	}
	switch {
	case fd.Recv != nil && len(fd.Recv.List) != 1:
		c.errorAt(c.off(fd.Pos()), "method has %d receivers, want 1", len(fd.Recv.List))
		return c.errs[0]
	case fd.Recv != nil:
		return c.method(fd, addDecl)
	case name == "main":
		if fd.Type.Params.NumFields() > 0 || fd.Type.Results != nil {
			c.errorAt(c.off(fd.Pos()), "func main must have no arguments and no return values")
			return c.errs[0]
		}
		c.w.Replace(c.off(fd.Name.Pos()), c.off(fd.Name.End()), MainName)
		addDecl(c.render(fd), nil).CallMain = true
	case name == "init":
		addDecl(c.render(fd), nil)
	default:
		src := c.render(fd)
		from := fd.Type.Params.Pos()
		if fd.Type.TypeParams != nil {
			from = fd.Type.TypeParams.Pos()
		}
		sig := "func" + c.w.Text(c.off(from), c.off(fd.Type.End()))
		addDecl(src, &Decl{Name: name, Kind: "func", Type: sig, Src: src, Refs: cellsrc.RefsOf(fd)})
	}
	return nil
}

// refuseBareCases refuses a type switch left to yaegi (labelled, or
// with both a break and a continue leaving it) with a case of a type
// whose values yaegi holds bare in an interface and cannot tell from
// others (see namedGuard and twinGuard).
func (c *compiler) refuseBareCases(ts *ast.TypeSwitchStmt) {
	for _, cl := range ts.Body.List {
		for _, x := range cl.(*ast.CaseClause).List {
			t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
			if t == nil || types.IsInterface(t) {
				continue
			}
			n, named := types.Unalias(t).(*types.Named)
			if _, isStruct := t.Underlying().(*types.Struct); isStruct {
				continue
			}
			if cell := named && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"; cell && !celltype.KeepsType(n) || !cell && len(c.bareTwins(t)) > 0 {
				c.errorAt(c.off(x.Pos()), "this type switch (labelled, or left by both a break and a continue) cannot tell a %s in an interface from the values of its underlying type or of the cells' types without methods of that type: write it without the label, or with a flag instead of the break, or give those types a method%s", celltype.GoName(t), OrCompile)
				return
			}
		}
	}
}

// multiValueDefine renders as, a top-level define: of several values of
// one call, the call is made in a function literal returning them (x, y
// := func() (int, float64) { return a.Stat() }()). yaegi's package-level
// define of the results of a call of a func-typed field (a.Stat, a field
// of a struct) gave zeros.
func (c *compiler) multiValueDefine(as *ast.AssignStmt) string {
	if len(as.Lhs) < 2 || len(as.Rhs) != 1 {
		return c.render(as)
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return c.render(as)
	}
	tuple, ok := c.types.ExprType(c.off(call.Pos()), c.off(call.End())).(*types.Tuple)
	if !ok || tuple.Len() != len(as.Lhs) {
		return c.render(as)
	}
	var results []string
	for i := 0; i < tuple.Len(); i++ {
		ts := c.types.TypeString(tuple.At(i).Type())
		if ts == "" {
			return c.render(as)
		}
		results = append(results, ts)
	}
	rhs := as.Rhs[0]
	return c.w.Render(c.off(as.Pos()), c.off(rhs.Pos())) + "func() (" + strings.Join(results, ", ") + ") { return " + c.render(rhs) + " }()" + c.w.Render(c.off(rhs.End()), c.off(as.End()))
}

// Generic types that yaegi hangs or crashes building (celltype.HiddenGeneric:
// a tree map's node[K, V]) are not given to it, nor the generic functions
// and methods that mention them; package mono declares their instances as
// ordinary Go. A use that mono could not write is refused.

// hiddenDecl reports whether fd, a generic function or a method of a
// generic type, mentions a hidden generic type.
func (c *compiler) hiddenDecl(fd *ast.FuncDecl) bool {
	generic := fd.Type.TypeParams != nil
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		_, generic = cellsrc.RecvBase(fd.Recv.List[0].Type)
	}
	return generic && c.hiddenIn(fd) != nil
}

// hiddenIn returns a hidden generic type that n mentions, or nil.
func (c *compiler) hiddenIn(n ast.Node) *types.Named {
	var found *types.Named
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found != nil || !ok {
			return found == nil
		}
		switch o := c.types.Use(c.off(id.Pos())).(type) {
		case *types.TypeName:
			if t, ok := types.Unalias(o.Type()).(*types.Named); ok && celltype.HiddenGeneric(t) {
				found = t
			}
		case *types.Func:
			if sig, ok := o.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 && o.Pkg() != nil && o.Pkg().Path() == "main" {
				found = celltype.HiddenIn(sig)
			}
		}
		return found == nil
	})
	return found
}

// checkHidden refuses a use of a hidden generic type in it, an item of
// the cell that is not itself generic: mono did not write its instance (a
// type argument declared inside a function, an instance embedded in a
// struct).
func (c *compiler) checkHidden(it ast.Node) {
	switch n := it.(type) {
	case *ast.FuncDecl:
		if n.Type.TypeParams != nil {
			return
		}
		if n.Recv != nil && len(n.Recv.List) == 1 {
			if _, generic := cellsrc.RecvBase(n.Recv.List[0].Type); generic {
				return
			}
		}
	case *ast.DeclStmt:
		if gd, ok := n.Decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, s := range gd.Specs {
				if ts := s.(*ast.TypeSpec); ts.TypeParams == nil {
					c.checkHidden(ts)
				}
			}
			return
		}
	}
	if t := c.hiddenIn(it); t != nil {
		c.errorAt(c.off(it.Pos()), "generic types of several type parameters that refer to themselves (%s) are not supported by the interpreter (it hangs or crashes building them), and the kernel could not declare this instance of it as a type of its own (a type argument declared inside a function, or an instance embedded in a struct): declare the type argument at the top level, or give the type one type parameter (a struct of the key and the value)%s", t.Obj().Name(), OrCompile)
	}
}

// nameParams names the parameters of a function literal that has none
// (func(int) *T {...} becomes func(__gkp0 int) *T {...}): yaegi gave the
// unnamed parameter's slot to a value the body made (new(strings.Builder)
// in a pool's factory: "reflect.Set: value of type int is not assignable
// to type strings.Builder").
func (c *compiler) nameParams(ft *ast.FuncType) {
	if ft.Params == nil {
		return
	}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) > 0 {
			return
		}
		c.w.Insert(c.off(f.Type.Pos()), "__gkp"+strconv.Itoa(i)+" ")
		i++
	}
}
