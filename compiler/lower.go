package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"gokernel/stdlib/generic"
)

// Lowerings rewrite constructs that yaegi v0.16.1 runs wrongly into
// equivalent Go it runs correctly. Each closes a class of defects found by
// the differential corpus (session/testdata/diff), not a single case.

// temp returns a fresh name for a temporary.
func (c *compiler) temp(kind string) string {
	c.nTemp++
	return "__gk" + kind + strconv.Itoa(c.nTemp)
}

// lowerReturns rewrites the returns of a function with several results
// whose values are not all plain names or literals: yaegi mixes up
// `return 7, len(b)` (it returns 7, 7). The values are evaluated, left to
// right as Go does, into temporaries of the result types first:
// { var r0 T0 = 7; var r1 T1 = len(b); return r0, r1 }.
func (c *compiler) lowerReturns(ft *ast.FuncType, body *ast.BlockStmt) {
	if ft.Results == nil || body == nil {
		return
	}
	var types []string
	for _, f := range ft.Results.List {
		n := max(len(f.Names), 1)
		for i := 0; i < n; i++ {
			types = append(types, c.text(f.Type))
		}
	}
	if len(types) < 2 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // lowered on its own
		case *ast.ReturnStmt:
			if len(n.Results) != len(types) || allSimple(n.Results) || hasReceive(n) {
				return true // receives are hoisted into names by lowerReceives
			}
			c.w.add(c.off(n.Pos()), c.off(n.End()), func(w *rewriter) string {
				var b strings.Builder
				var names []string
				b.WriteString("{ ")
				for i, x := range n.Results {
					name := c.temp("r")
					names = append(names, name)
					b.WriteString("var " + name + " " + types[i] + " = " + c.render(x) + "; ")
				}
				b.WriteString("return " + strings.Join(names, ", ") + " }")
				return b.String()
			})
		}
		return true
	})
}

// allSimple reports whether xs are all names or literals.
func allSimple(xs []ast.Expr) bool {
	for _, x := range xs {
		switch ast.Unparen(x).(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			return false
		}
	}
	return true
}

// lowerReceives hoists the receive expressions of the statements of a
// statement list into temporaries received just before the statement:
// yaegi drops a value received into a field (p.n = <-c leaves p.n
// unchanged) and panics on `return <-ch`. A receive stays where it is when
// it is a whole statement, the whole right side of an assignment to plain
// names, or a select case, and when hoisting it would change the order of
// evaluation (a call to its left, the right side of && or ||).
func (c *compiler) lowerReceives(list []ast.Stmt) {
	for _, st := range list {
		recvs := c.hoistable(st)
		if len(recvs) == 0 {
			continue
		}
		names := make([]string, len(recvs))
		for i, r := range recvs {
			names[i] = c.temp("v")
			name := names[i]
			c.w.add(c.off(r.Pos()), c.off(r.End()), func(*rewriter) string { return name })
		}
		st := st
		c.w.add(c.off(st.Pos()), c.off(st.Pos()), func(w *rewriter) string {
			var b strings.Builder
			for i, r := range recvs {
				b.WriteString(names[i] + " := <-" + c.render(r.X) + "; ")
			}
			return b.String()
		})
	}
}

// hoistable returns the receives of st to hoist, in evaluation order.
func (c *compiler) hoistable(st ast.Stmt) []*ast.UnaryExpr {
	switch s := st.(type) {
	case *ast.ExprStmt:
		if u, ok := ast.Unparen(s.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			return nil
		}
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 && (allIdents(s.Lhs) || len(s.Lhs) == 2) {
			if u, ok := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
				return nil // v = <-c, or a comma-ok receive
			}
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok && len(vs.Names) == 2 && len(vs.Values) == 1 {
					return nil // var v, ok = <-c
				}
			}
		}
	case *ast.ReturnStmt, *ast.SendStmt, *ast.IncDecStmt:
	default:
		return nil // compound statements: their own lists are lowered
	}
	var recvs []*ast.UnaryExpr
	unsafe := false
	var lastCallEnd token.Pos
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				if hasReceive(n.Y) {
					unsafe = true
				}
			}
		case *ast.CallExpr:
			if n.End() > lastCallEnd {
				lastCallEnd = n.End()
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				if lastCallEnd.IsValid() && lastCallEnd <= n.Pos() {
					unsafe = true // a call to its left runs first in Go
				}
				recvs = append(recvs, n)
				return false
			}
		}
		return true
	})
	if unsafe {
		return nil
	}
	return recvs
}

func allIdents(xs []ast.Expr) bool {
	for _, x := range xs {
		if _, ok := x.(*ast.Ident); !ok {
			return false
		}
	}
	return true
}

func hasReceive(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			found = true
		}
		return !found
	})
	return found
}

// explicitTypeArgs writes the type arguments Go infers for a call of a
// generic function: yaegi infers them wrongly (Map(xs, func(int) string)
// fails with "cannot use func(int) string as func(int) int").
func (c *compiler) explicitTypeArgs(id *ast.Ident) {
	inst, ok := c.types.instance(c.off(id.Pos()))
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return
	}
	if obj := c.types.use(c.off(id.Pos())); obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "main" {
		return // a standard package's generic function: see genericCall
	}
	// Only where the source gives none: the next character is not '['.
	end := c.off(id.End())
	if end < len(c.w.src) && c.w.src[end] == '[' {
		return
	}
	var args []string
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		s := c.types.typeString(inst.TypeArgs.At(i))
		if s == "" {
			return
		}
		args = append(args, s)
	}
	c.w.insert(end, "["+strings.Join(args, ", ")+"]")
}

// rangesOverChans reports whether x is a slice or array of channels:
// yaegi panics ranging over one with a value variable ("call of
// reflect.Value.Len on int Value").
func (c *compiler) rangesOverChans(x ast.Expr) bool {
	t := c.types.exprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	_, isChan := elem.Underlying().(*types.Chan)
	return isChan
}

// rangeByIndex rewrites for k, v := range x as a range over the indexes
// that reads x[i] at the top of the body; x is evaluated once, as in Go.
func (c *compiler) rangeByIndex(r *ast.RangeStmt) {
	idx := c.temp("i")
	coll := c.text(r.X)
	pure := isPath(r.X)
	if !pure {
		if c.labeled[r] {
			return // a block around the loop would take its label
		}
		coll = c.temp("x")
	}
	key := "_"
	if r.Key != nil {
		key = c.text(r.Key)
	}
	assign := key + ", " + c.text(r.Value) + " " + r.Tok.String() + " " + idx + ", " + coll + "[" + idx + "]; "
	if key == "_" && r.Tok == token.DEFINE {
		assign = c.text(r.Value) + " := " + coll + "[" + idx + "]; "
	}
	c.w.add(c.off(r.Pos()), c.off(r.Body.Lbrace)+1, func(*rewriter) string {
		head := ""
		if !pure {
			head = "{ " + coll + " := " + c.render(r.X) + "; "
		}
		return head + "for " + idx + " := range " + coll + " { " + assign
	})
	if !pure {
		c.w.insert(c.off(r.End()), " }")
	}
}

// isPath reports whether x is a name or a selector of names (a.b.c),
// which evaluates the same twice.
func isPath(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isPath(x.X)
	}
	return false
}

// genericPackages are the standard packages whose generic functions cells
// call through compiled instantiations (package stdlib/generic).
var genericPackages = map[string]bool{"slices": true, "maps": true, "cmp": true}

// genericCall rewrites a use of a generic function of slices, maps or cmp,
// x (a selector, or a selector with type arguments), into its compiled
// instantiation for the type arguments the checker found; a type argument
// without one is refused clearly. It reports whether x was such a use.
func (c *compiler) genericCall(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		switch ix := x.(type) {
		case *ast.IndexExpr:
			sel, ok = ix.X.(*ast.SelectorExpr)
		case *ast.IndexListExpr:
			sel, ok = ix.X.(*ast.SelectorExpr)
		}
		if !ok {
			return false
		}
	}
	obj := c.types.use(c.off(sel.Sel.Pos()))
	fn, isFunc := obj.(*types.Func)
	if !isFunc || fn.Pkg() == nil || !genericPackages[fn.Pkg().Path()] || fn.Type().(*types.Signature).TypeParams().Len() == 0 {
		return false
	}
	inst, ok := c.types.instance(c.off(sel.Sel.Pos()))
	if !ok {
		return false
	}
	var args, shown []string
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		t := inst.TypeArgs.At(i)
		args = append(args, canonical(types.TypeString(t, func(p *types.Package) string { return p.Path() })))
		shown = append(shown, types.TypeString(t, func(p *types.Package) string {
			if p.Path() == "main" {
				return ""
			}
			return p.Name()
		}))
	}
	key := fn.Pkg().Path() + "." + fn.Name() + "[" + strings.Join(args, ", ") + "]"
	ident := generic.Ident(key)
	if ident == "" {
		c.errorAt(c.off(sel.Pos()), "%s.%s for %s is not available in the interpreter: the generic functions of slices, maps and cmp run on slices and maps of builtin types (int, float64, string, any...)%s",
			fn.Pkg().Name(), fn.Name(), strings.Join(shown, ", "), OrCompile)
		return true
	}
	c.w.replace(c.off(x.Pos()), c.off(x.End()), generic.Name+"."+ident)
	c.genericDone[sel] = true
	return true
}

// byteRune matches the alias names of uint8 and int32, which the keys of
// stdlib/generic spell by their kind.
var byteRune = regexp.MustCompile(`\b(byte|rune)\b`)

// canonical spells byte and rune as uint8 and int32.
func canonical(s string) string {
	return byteRune.ReplaceAllStringFunc(s, func(m string) string {
		if m == "byte" {
			return "uint8"
		}
		return "int32"
	})
}

// constValues rewrites a const declaration with the values and types the
// checker computed (iota and implicit repetition resolved): yaegi reports
// "constant definition loop" for typed constants repeated with iota
// (KB ByteSize = 1 << (10 * iota); MB; GB).
func (c *compiler) constValues(gd *ast.GenDecl) {
	if c.types == nil || gd.Tok != token.CONST {
		return
	}
	var specs []string
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		for _, id := range vs.Names {
			if id.Name == "_" {
				continue
			}
			obj, ok := c.types.def(c.off(id.Pos())).(*types.Const)
			if !ok {
				return
			}
			v := constLiteral(obj)
			if v == "" {
				return
			}
			if b, isBasic := obj.Type().(*types.Basic); isBasic && b.Info()&types.IsUntyped != 0 {
				specs = append(specs, id.Name+" = "+v)
				continue
			}
			t := c.types.typeString(obj.Type())
			if t == "" {
				return
			}
			specs = append(specs, id.Name+" "+t+" = "+v)
		}
	}
	if len(specs) == 0 {
		c.w.replace(c.off(gd.Pos()), c.off(gd.End()), "const ()")
		return
	}
	c.w.add(c.off(gd.Pos()), c.off(gd.End()), func(w *rewriter) string {
		// Each constant keeps its cell position in messages.
		var b strings.Builder
		b.WriteString("const (")
		i := 0
		for _, sp := range gd.Specs {
			for _, id := range sp.(*ast.ValueSpec).Names {
				if id.Name == "_" {
					continue
				}
				b.WriteString(w.directive(c.off(id.Pos())) + specs[i] + "; ")
				i++
			}
		}
		b.WriteString(")")
		return b.String()
	})
}

// constLiteral writes a constant's exact value as Go source, or "".
func constLiteral(obj *types.Const) string {
	val := obj.Val()
	switch val.Kind() {
	case constant.Bool, constant.String, constant.Int:
		if b, ok := obj.Type().Underlying().(*types.Basic); ok && b.Kind() == types.UntypedRune {
			if r, exact := constant.Int64Val(val); exact && r >= 0 && r <= 0x10FFFF {
				return strconv.QuoteRune(rune(r))
			}
		}
		return val.ExactString()
	case constant.Float:
		s := val.ExactString()
		if num, den, ok := strings.Cut(s, "/"); ok {
			return "(" + num + ".0/" + den + ")"
		}
		if !strings.ContainsAny(s, ".eE") {
			s += ".0" // stays an untyped float
		}
		return s
	case constant.Complex:
		re, im := constLiteralOf(constant.Real(val)), constLiteralOf(constant.Imag(val))
		if re == "" || im == "" {
			return ""
		}
		return "complex(" + re + ", " + im + ")"
	}
	return ""
}

func constLiteralOf(v constant.Value) string {
	s := v.ExactString()
	if num, den, ok := strings.Cut(s, "/"); ok {
		return "(" + num + ".0/" + den + ")"
	}
	return s
}

// iterSeq rewrites iter.Seq[V] and iter.Seq2[K, V] as the function types
// they stand for, func(func(V) bool) and func(func(K, V) bool): package
// iter only has generic types, which the interpreter cannot import. It
// reports whether x was one.
func (c *compiler) iterSeq(x ast.Expr) bool {
	var sel *ast.SelectorExpr
	var args []ast.Expr
	switch ix := x.(type) {
	case *ast.IndexExpr:
		sel, _ = ix.X.(*ast.SelectorExpr)
		args = []ast.Expr{ix.Index}
	case *ast.IndexListExpr:
		sel, _ = ix.X.(*ast.SelectorExpr)
		args = ix.Indices
	}
	if sel == nil {
		return false
	}
	obj, ok := c.types.use(c.off(sel.Sel.Pos())).(*types.TypeName)
	if !ok || obj.Pkg() == nil || obj.Pkg().Path() != "iter" || (obj.Name() != "Seq" && obj.Name() != "Seq2") {
		return false
	}
	c.w.add(c.off(x.Pos()), c.off(x.End()), func(*rewriter) string {
		var ps []string
		for _, a := range args {
			ps = append(ps, c.render(a))
		}
		return "func(func(" + strings.Join(ps, ", ") + ") bool)"
	})
	return true
}

// lowerDefers makes the deferred calls of a function evaluate their
// function value and arguments when the defer statement runs, as Go does:
// yaegi evaluates them when the function returns (defer fmt.Println(i) in
// a loop printed the last i every time). The function gets one deferred
// call that runs a list of closures in reverse order, and each defer
// statement appends a closure made by a call (a frame of its own):
//
//	var dl []func(); defer func() { ...run dl in reverse... }()
//	dl = append(dl, func(p0 A) func() { return func() { f(p0) } }(a))
//
// A function whose deferred calls use recover is left as it is (recover
// must be called by the deferred function itself).
func (c *compiler) lowerDefers(body *ast.BlockStmt) {
	if c.types == nil || body == nil {
		return
	}
	var defers []*ast.DeferStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if !c.topDefers[n] {
				defers = append(defers, n)
			}
		}
		return true
	})
	if len(defers) == 0 || mentions(body, "recover") {
		return
	}
	type lowered struct {
		d                  *ast.DeferStmt
		params, args, pass []string
		callee, ell        string
	}
	var ls []lowered
	simple := true
	for _, d := range defers {
		l := lowered{d: d}
		call := d.Call
		fun := ast.Unparen(call.Fun)
		switch f := fun.(type) {
		case *ast.FuncLit:
			return // closures: deferring through the list hangs yaegi
		case *ast.Ident:
			if obj := c.types.use(c.off(f.Pos())); obj != nil && (obj.Parent() == types.Universe || obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()) {
				l.callee = f.Name // a builtin or a package-level func
			}
		case *ast.SelectorExpr:
			// pkg.F, or a method: yaegi mistypes method values of
			// compiled types, so the receiver stays evaluated late.
			l.callee = "#sel"
		}
		if l.callee == "" { // a func value: evaluated now
			t := c.types.typeString(c.types.exprType(c.off(fun.Pos()), c.off(fun.End())))
			if t == "" {
				return
			}
			name := c.temp("f")
			l.params, l.args, l.callee = append(l.params, name+" "+t), append(l.args, "#fun"), name
			simple = false
		}
		for _, a := range call.Args {
			if c.isConst(a) {
				l.pass = append(l.pass, "#"+strconv.Itoa(len(l.pass)))
				continue
			}
			ts := c.types.typeString(c.types.exprType(c.off(a.Pos()), c.off(a.End())))
			if ts == "" {
				return
			}
			name := c.temp("a")
			l.params, l.args, l.pass = append(l.params, name+" "+ts), append(l.args, "#arg"), append(l.pass, name)
			simple = false
		}
		if call.Ellipsis.IsValid() {
			l.ell = "..."
		}
		ls = append(ls, l)
	}
	if simple && !deferInLoop(body) {
		return // nothing to evaluate early
	}
	list := c.temp("dl")
	c.w.insert(c.off(body.Lbrace)+1, " var "+list+" []func(); defer func() { for __gki := len("+list+") - 1; __gki >= 0; __gki-- { "+list+"[__gki]() } }();")
	for _, l := range ls {
		l := l
		c.w.add(c.off(l.d.Pos()), c.off(l.d.End()), func(*rewriter) string {
			call := l.d.Call
			callee := l.callee
			if callee == "#sel" {
				callee = c.render(call.Fun)
			}
			var args, pass []string
			for _, a := range l.args {
				if a == "#fun" {
					args = append(args, c.render(call.Fun))
				}
			}
			for i, a := range call.Args {
				if c.isConst(a) {
					pass = append(pass, c.render(a))
					continue
				}
				args = append(args, c.render(a))
				pass = append(pass, l.pass[i])
			}
			inner := callee + "(" + strings.Join(pass, ", ") + l.ell + ")"
			if len(l.params) == 0 {
				return list + " = append(" + list + ", func() { " + inner + " })"
			}
			return list + " = append(" + list + ", func(" + strings.Join(l.params, ", ") + ") func() { return func() { " + inner + " } }(" + strings.Join(args, ", ") + "))"
		})
	}
}

// deferInLoop reports whether a defer statement of body (not of a nested
// func literal) is inside a loop.
func deferInLoop(body *ast.BlockStmt) bool {
	found := false
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if m != n {
					walk(m.Body, true)
					return false
				}
			case *ast.RangeStmt:
				if m != n {
					walk(m.Body, true)
					return false
				}
			case *ast.DeferStmt:
				found = found || inLoop
			}
			return true
		})
	}
	walk(body, false)
	return found
}

// mentions reports whether the identifier name occurs in n.
func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
