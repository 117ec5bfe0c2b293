package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"strconv"
	"strings"
)

// A loop body run as a function literal gets a frame of its own at every
// iteration. Two lowerings need it:
//
//   - yaegi keeps a block's variables in its function's frame, so a closure
//     that captures a loop variable (Go 1.22: one per iteration) and
//     outlives the iteration (wg.Go(func() { ... i ... }), a slice of
//     funcs) sees the last iteration's value: the body becomes
//     func(i int) int { ...; return 0 }(i).
//   - yaegi cannot range over a function (Go 1.23 iterators): the loop
//     becomes a call of the iterator with the body as its yield function.
//
// continue becomes "return" with "go on", break "return" with "stop". A
// body that returns from the enclosing function, uses goto or a label of
// an outer statement, or defers a call (which would run at the end of the
// iteration) is left as it is.

// loopLabel returns the label of loop, or "".
func (c *compiler) loopLabel(loop ast.Stmt) string {
	return c.labels[loop]
}

// typeOfDef returns the type, as code can name it, of the variable the
// identifier x defines, or "".
func (c *compiler) typeOfDef(x ast.Expr) string {
	id, ok := x.(*ast.Ident)
	if !ok {
		return ""
	}
	return c.types.TypeString(defType(c.types.Def(c.off(id.Pos()))))
}

// closureLoop runs the body of a loop whose variables vars closures
// capture, or whose address the body takes, as a function of them; it
// reports whether it did. With writeBack (a three-clause loop whose body
// assigns its variables), the function returns the variables' values at
// the end of the iteration, which the next iteration starts from, as in
// Go 1.22: func(p int) (int, int) { i := p; ...; return 0, i }(i).
func (c *compiler) closureLoop(loop ast.Stmt, vars []ast.Expr, body *ast.BlockStmt, writeBack bool) bool {
	if !cellsrc.CapturesAny(body, vars) && !cellsrc.AddressOfAny(body, vars) {
		return false
	}
	br, ok := cellsrc.LoopBody(body, c.loopLabel(loop))
	if !ok || len(br.Returns) > 0 || len(br.Defers) > 0 {
		return false
	}
	// The parameters have names of their own, bound to the loop's names
	// in the body (yaegi resolves a parameter named like the loop
	// variable wrongly in nested closures).
	params, args, binds, types, ok := c.varParams(vars)
	if !ok {
		return false
	}
	var outs []string
	for range types {
		outs = append(outs, c.temp("w"))
	}
	flag := c.temp("c")
	ret, results, head, tail := "", "int", flag, flag+" == 1 { break }; "
	if writeBack && len(args) > 0 {
		ret = ", " + strings.Join(args, ", ")
		results = "(int, " + strings.Join(types, ", ") + ")"
		head = flag + ", " + strings.Join(outs, ", ")
		tail = "true { " + strings.Join(args, ", ") + " = " + strings.Join(outs, ", ") + "; if " + flag + " == 1 { break } }; "
	}
	// The body is a block of its own in the function, as in Go, where it
	// may declare the loop's names again (i := i). A branch inside it
	// then returns the variables through pointers bound before it.
	inner := ret
	if ret != "" && c.declaresAny(body, cellsrc.IdentSet(vars)) {
		var ptrs []string
		for _, a := range args {
			ptr := c.temp("a")
			binds = append(binds, ptr+" := &"+a+"; ")
			ptrs = append(ptrs, "*"+ptr)
		}
		inner = ", " + strings.Join(ptrs, ", ")
	}
	for _, b := range br.Continues {
		c.w.Replace(c.off(b.Pos()), c.off(b.End()), "return 0"+inner)
	}
	for _, b := range br.Breaks {
		c.w.Replace(c.off(b.Pos()), c.off(b.End()), "return 1"+inner)
	}
	c.w.Insert(c.off(body.Lbrace)+1, " if "+head+" := func("+strings.Join(params, ", ")+") "+results+" { "+strings.Join(binds, "")+"{ ")
	c.w.Insert(c.off(body.Rbrace), "; }; return 0"+ret+" }("+strings.Join(args, ", ")+"); "+tail)
	return true
}

// declaresAny reports whether body declares one of names again, outside
// func literals.
func (c *compiler) declaresAny(body *ast.BlockStmt, names map[string]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			found = found || names[n.Name] && c.types.Def(c.off(n.Pos())) != nil
		}
		return !found
	})
	return found
}

// deferLoopVars passes the loop variables vars that the deferred func
// literals of body capture as arguments: the body cannot run as a function
// (its deferred calls would run at the end of the iteration), and a
// deferred closure must see its own iteration's variables (Go 1.22), where
// yaegi shares them: defer func() { ...i... }() becomes
// defer func(p int) { i := p; ...i... }(i). Only when nothing in the body
// assigns the variables, so their value at the defer statement is their
// value at the end of the iteration. A cell's top-level defers are left to
// rewriteTopDefer.
func (c *compiler) deferLoopVars(vars []ast.Expr, body *ast.BlockStmt) {
	if cellsrc.AssignsAny(body, cellsrc.IdentSet(vars)) {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			lit, ok := n.Call.Fun.(*ast.FuncLit)
			if !ok || c.topDefers[n] || n.Call.Ellipsis.IsValid() || !cellsrc.CapturesAny(&ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: lit}}}, vars) {
				return false
			}
			params, args, binds, _, ok := c.varParams(vars)
			if !ok {
				return false
			}
			sep := ""
			if lit.Type.Params.NumFields() > 0 {
				sep = ", "
			}
			c.w.Insert(c.off(lit.Type.Params.Closing), sep+strings.Join(params, ", "))
			c.w.Insert(c.off(lit.Body.Lbrace)+1, " "+strings.Join(binds, "")+"{ ")
			c.w.Insert(c.off(lit.Body.Rbrace), "; }")
			sep = ""
			if len(n.Call.Args) > 0 {
				sep = ", "
			}
			c.w.Insert(c.off(n.Call.Rparen), sep+strings.Join(args, ", "))
			return false
		}
		return true
	})
}

// yaegi evaluates the case expressions of a switch in another order than
// Go (all of a case's, or a later case's, before the first that matches),
// and a fallthrough into a clause before a default in the middle goes to
// the wrong clause. A switch whose case expressions call functions or
// receive, or which falls through with its default not last, is lowered
// to the clause it picks, then the clauses in order:
//
//	{ init; __gks := tag; __gkf := 0
//	  if __gks == a || __gks == f() { __gkf = 1 } else if ... else { __gkf = 3 }
//	  if __gkf == 1 { ...; __gkf = 2 /* fallthrough */ }
//	  if __gkf == 2 { ... } ... }
//
// Not when a clause breaks out of it, nor with a label.
func (c *compiler) lowerSwitch(n ast.Stmt) {
	s, ok := n.(*ast.SwitchStmt)
	if !ok {
		c.lowerTypeSwitch(n.(*ast.TypeSwitchStmt))
	} else if !c.lowerSwitchClauses(s) {
		c.boolCaseLists(s)
	}
}

// lowerSwitchClauses lowers s as lowerSwitch says; false when it does not.
func (c *compiler) lowerSwitchClauses(s *ast.SwitchStmt) bool {
	if c.labeled[s] || len(s.Body.List) == 0 {
		return false
	}
	effects, falls, defaultMiddle := false, false, false
	for i, st := range s.Body.List {
		cl := st.(*ast.CaseClause)
		if cl.List == nil && i < len(s.Body.List)-1 {
			defaultMiddle = true
		}
		for _, x := range cl.List {
			ast.Inspect(x, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit:
					return false
				case *ast.CallExpr:
					effects = effects || !c.isTypeExpr(m.Fun)
				case *ast.UnaryExpr:
					effects = effects || m.Op == token.ARROW
				}
				return true
			})
		}
		if len(cl.Body) > 0 {
			if b, ok := cl.Body[len(cl.Body)-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				falls = true
			}
		}
		if cellsrc.BreaksOut(cl.Body) {
			return false
		}
	}
	if !effects && !(falls && defaultMiddle) {
		return false
	}
	start := c.off(s.Pos())
	if c.w.Has(start, start) {
		return false // a marker before the statement (package blocking) must stay first
	}
	tag, flag := c.temp("s"), c.temp("f")
	for i, st := range s.Body.List {
		cl := st.(*ast.CaseClause)
		if len(cl.Body) > 0 {
			if b, ok := cl.Body[len(cl.Body)-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				c.w.Replace(c.off(b.Pos()), c.off(b.End()), flag+" = "+strconv.Itoa(i+2))
			}
		}
	}
	c.w.Add(start, c.off(s.End()), func(w *cellsrc.Rewriter) string {
		var b strings.Builder
		b.WriteString("{ ")
		if s.Init != nil {
			b.WriteString(c.render(s.Init) + "; ")
		}
		if s.Tag != nil {
			b.WriteString(tag + " := " + c.render(s.Tag) + "; _ = " + tag + "; ")
		}
		b.WriteString(flag + " := 0; ")
		def := 0
		first := true
		for i, st := range s.Body.List {
			cl := st.(*ast.CaseClause)
			if cl.List == nil {
				def = i + 1
				continue
			}
			var conds []string
			for _, x := range cl.List {
				if s.Tag != nil {
					conds = append(conds, tag+" == "+operand(x, c.render(x)))
				} else {
					conds = append(conds, operand(x, c.render(x)))
				}
			}
			if !first {
				b.WriteString(" else ")
			}
			first = false
			b.WriteString("if " + strings.Join(conds, " || ") + " { " + flag + " = " + strconv.Itoa(i+1) + " }")
		}
		if def > 0 {
			if first {
				b.WriteString(flag + " = " + strconv.Itoa(def))
			} else {
				b.WriteString(" else { " + flag + " = " + strconv.Itoa(def) + " }")
			}
		}
		b.WriteString("; ")
		for i, st := range s.Body.List {
			cl := st.(*ast.CaseClause)
			b.WriteString("if " + flag + " == " + strconv.Itoa(i+1) + " { ")
			if len(cl.Body) > 0 {
				b.WriteString(c.w.Render(c.off(cl.Body[0].Pos()), c.off(cl.Body[len(cl.Body)-1].End())))
			}
			b.WriteString("; }; ")
		}
		return b.String() + "}"
	})
	return true
}

// varParams returns, for the variables vars (blank ones skipped), the
// parameters of a function literal that receives them under names of its
// own, the arguments that pass them, the statements that bind the
// variables' names to the parameters in its body, and their types; false
// when a type cannot be written.
func (c *compiler) varParams(vars []ast.Expr) (params, args, binds, types []string, ok bool) {
	for _, v := range vars {
		if id, isID := v.(*ast.Ident); !isID || id.Name == "_" {
			continue
		}
		t := c.typeOfDef(v)
		if t == "" {
			return nil, nil, nil, nil, false
		}
		p := c.temp("p")
		params = append(params, p+" "+t)
		args = append(args, c.text(v))
		binds = append(binds, c.text(v)+" := "+p+"; _ = "+c.text(v)+"; ")
		types = append(types, t)
	}
	return params, args, binds, types, true
}

// closuresInLoop makes each function literal of a loop's body that is a
// value (not called where it is written) in a frame of its own:
// lit → func() T { return lit }(). yaegi keeps a literal's closure in a
// slot of the enclosing function's frame, and a closure puts back the
// slot's earlier value when a call of it returns: when a closure made at
// an earlier iteration returned on another goroutine between the
// literal's evaluation and its use, the use got that earlier value — the
// closure of an earlier iteration, or nil (go func() { ... }() in a loop
// started a nil func about once in a hundred runs). In a frame made by a
// call, no other goroutine puts a value back.
func (c *compiler) closuresInLoop(body *ast.BlockStmt) {
	called := map[*ast.FuncLit]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
				called[lit] = true
			}
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok {
			return true
		}
		if !called[lit] {
			c.ownFrame(lit)
		}
		return false // a literal inside runs in the literal's own frames
	})
}

// ownFrame makes lit in a frame of its own, once (see closuresInLoop and
// closuresOutsideFrame).
func (c *compiler) ownFrame(lit *ast.FuncLit) {
	if c.framed[lit] {
		return
	}
	start, end := c.off(lit.Pos()), c.off(lit.End())
	if t := c.types.TypeString(c.types.ExprType(start, end)); strings.HasPrefix(t, "func(") {
		c.framed[lit] = true
		c.w.Add(start, end, func(w *cellsrc.Rewriter) string { return "func() " + t + " { return " + w.Render(start, end) + " }()" })
	}
}

// splitInterfaceSpecs writes a var spec of several names of an interface
// type as one spec per name: yaegi left the first of var a, b any =
// P{1}, Q{2} nil when a value keeps its type (P has methods) and another
// is a composite literal. Not when a value mentions one of the names (a
// spec's values do not see the names it declares).
func (c *compiler) splitInterfaceSpecs(gd *ast.GenDecl) {
	if gd.Tok != token.VAR {
		return
	}
	sep := "; var "
	if gd.Lparen.IsValid() && !c.topLevel(gd) {
		sep = "; " // the group is written as it is (the cell's own are spec by spec)
	}
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		if vs.Type == nil || len(vs.Names) < 2 || len(vs.Values) != len(vs.Names) {
			continue
		}
		if t := c.types.ExprType(c.off(vs.Type.Pos()), c.off(vs.Type.End())); t == nil || !types.IsInterface(t) {
			continue
		}
		names := map[string]bool{}
		for _, id := range vs.Names {
			names[id.Name] = true
		}
		if cellsrc.MentionsAny(vs.Values, names) {
			continue
		}
		c.w.Add(c.off(vs.Names[0].Pos()), c.off(vs.End()), func(*cellsrc.Rewriter) string {
			parts := make([]string, len(vs.Names))
			for i, id := range vs.Names {
				parts[i] = id.Name + " " + c.render(vs.Type) + " = " + c.render(vs.Values[i])
			}
			return strings.Join(parts, sep)
		})
	}
}

// topLevel reports whether gd is a declaration among the cell's top-level
// items.
func (c *compiler) topLevel(gd *ast.GenDecl) bool {
	for _, it := range c.p.Items {
		if it == ast.Node(gd) {
			return true
		}
		if ds, ok := it.(*ast.DeclStmt); ok && ds.Decl == gd {
			return true
		}
	}
	return false
}

// yaegi leaves v of v, ok := m[k] and v, ok := x.(T) as it was when the
// key is missing or the assertion fails, so in a loop v kept the value of
// the iteration before (a missing key read as the last one found). In a
// loop body, such a v gets its value from a call, whose frame starts at
// the zero value:
//
//	v, ok := m[k]  ->  v, ok := func() (T, bool) { v, ok := m[k]; return v, ok }()
func (c *compiler) commaOKInLoop(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs, rhs []ast.Expr
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false // done for its own body
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		}
		if id, blank := ast.Unparen(append(lhs, nil)[0]).(*ast.Ident); len(lhs) != 2 || len(rhs) != 1 || blank && id.Name == "_" {
			return true
		}
		switch x := ast.Unparen(rhs[0]).(type) {
		case *ast.IndexExpr:
			if t := c.exprType(x.X); t == nil || !isMap(t) {
				return true
			}
		case *ast.TypeAssertExpr:
		default:
			return true
		}
		t := c.exprType(rhs[0])
		if tup, ok := t.(*types.Tuple); ok && tup.Len() == 2 { // the checker's type of a comma-ok
			t = tup.At(0).Type()
		}
		if ts := c.types.TypeString(t); t != nil && ts != "" {
			x := rhs[0]
			c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
				return "func() (" + ts + ", bool) { __gkv, __gko := " + c.render(x) + "; return __gkv, __gko }()"
			})
		}
		return true
	})
}

// isMap reports whether t is a map type.
func isMap(t types.Type) bool { _, ok := t.Underlying().(*types.Map); return ok }

// deferParamTypes returns the types of the parameters of the function d
// calls, one per argument (the element type for the variadic ones), or
// nil when d does not call a function of a package, whose value does not
// change (cellsrc.DeferInLoop; a func literal's loop variables are
// deferLoopVars'), or they cannot be written.
func (c *compiler) deferParamTypes(d *ast.DeferStmt) []string {
	call := d.Call
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); !ok || !isPkgName(c.types.Use(c.off(id.Pos()))) {
			return nil
		}
	case *ast.Ident:
		if fn, ok := c.types.Use(c.off(f.Pos())).(*types.Func); !ok || fn.Pkg() == nil || fn.Parent() != fn.Pkg().Scope() {
			return nil
		}
	default:
		return nil
	}
	sig, ok := c.exprType(call.Fun).(*types.Signature)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	var out []string
	for i := range call.Args {
		var t types.Type
		switch n := sig.Params().Len(); {
		case sig.Variadic() && i >= n-1:
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			t = sig.Params().At(i).Type()
		}
		if ts := c.types.TypeString(t); t != nil && ts != "" {
			out = append(out, ts)
		}
	}
	return out
}

// isPkgName reports whether obj is an imported package's name.
func isPkgName(obj types.Object) bool { _, ok := obj.(*types.PkgName); return ok }
