package compiler

import (
	"errors"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"strconv"
	"strings"
)

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
	c.zeroResults(ft, body)
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
		case *ast.RangeStmt:
			_, iterates := c.iteratorType(n.X)
			return !iterates // its returns: loopReturns
		case *ast.ReturnStmt:
			if len(n.Results) != len(types) || cellsrc.AllSimple(n.Results) || cellsrc.HasReceive(n) {
				return true // receives are hoisted into names by lowerReceives
			}
			c.w.Add(c.off(n.Pos()), c.off(n.End()), func(w *cellsrc.Rewriter) string {
				var b strings.Builder
				var names []string
				b.WriteString("{ ")
				for i, x := range n.Results {
					name := c.temp("r")
					names = append(names, name)
					b.WriteString("var " + name + " " + types[i] + "; " + name + " = " + c.render(x) + "; ") // see typedVarCalls
				}
				b.WriteString("return " + strings.Join(names, ", ") + " }")
				return b.String()
			})
		}
		return true
	})
}

// zeroResults sets the named results of a function to their zero values
// when it starts: yaegi keeps their values from the call before when the
// call is in a loop (func cnt(s []int) (c int) { for range s { c++ };
// return } returned 2, 4, 6 called three times in a loop).
func (c *compiler) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) {
	for _, f := range ft.Results.List {
		for _, name := range f.Names {
			if name.Name == "_" {
				continue
			}
			name, typ := name.Name, f.Type
			c.w.Add(c.off(body.Lbrace)+1, c.off(body.Lbrace)+1, func(*cellsrc.Rewriter) string {
				return " " + name + " = *new(" + c.render(typ) + ");"
			})
		}
	}
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
		c.lowerMultiAssign(st)
		c.lowerParallelAssign(st)
		recvs := c.hoistable(st)
		if len(recvs) == 0 {
			continue
		}
		names := make([]string, len(recvs))
		for i, r := range recvs {
			names[i] = c.temp("v")
			name := names[i]
			c.w.Add(c.off(r.Pos()), c.off(r.End()), func(*cellsrc.Rewriter) string { return name })
		}
		st := st
		c.w.Add(c.off(st.Pos()), c.off(st.Pos()), func(w *cellsrc.Rewriter) string {
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
		if len(s.Rhs) == 1 && (cellsrc.AllIdents(s.Lhs) || len(s.Lhs) == 2) {
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
	var callEnds []token.Pos // of the calls met so far (len and cap too)
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				if cellsrc.HasReceive(n.Y) {
					unsafe = true
				}
			}
		case *ast.CallExpr:
			if !c.isTypeExpr(n.Fun) {
				callEnds = append(callEnds, n.End())
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				for _, end := range callEnds {
					// a call to its left (len(ch), f()) runs first in Go
					unsafe = unsafe || end <= n.Pos()
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

// A method value x.M of a method of the cells that is not called at once
// binds its receiver late in yaegi: a later change of x shows through a
// value receiver (get := c.Get; c.n++; get() sees the change). It is lowered to a closure over the
// receiver evaluated where Go evaluates it: x copied for a value receiver,
// &x for a pointer method of an addressable x:
// func() func(a0 int) int { r := x; return func(a0 int) int { return r.M(a0) } }().

// methodValue lowers the method value sel when it is not a call's
// function; for a call's function, it records the closure in
// c.boundMethods, which a go or defer statement evaluates first.
func (c *compiler) methodValue(sel *ast.SelectorExpr) {
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok {
		return
	}
	recv := fn.Type().(*types.Signature).Recv()
	expr := c.isTypeExpr(sel.X) // a method expression T.M: func(r T, ...)
	xt := c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End()))
	// a method of an interface of a package (s.String of a fmt.Stringer)
	// too: yaegi read the variable when the method value was called
	ofInterface := xt != nil && !expr && types.IsInterface(xt)
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != "main" && !ofInterface {
		return // a package's function, or a method of a compiled type
	}
	sig, ok := c.types.ExprType(c.off(sel.Pos()), c.off(sel.End())).(*types.Signature)
	if xt == nil || !ok {
		return
	}
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if i == sig.Params().Len()-1 && sig.Variadic() {
			t = t.(*types.Slice).Elem()
		}
		ts := c.types.TypeString(t)
		if ts == "" {
			return
		}
		name := "__gka" + strconv.Itoa(i)
		if i == sig.Params().Len()-1 && sig.Variadic() {
			params = append(params, name+" ..."+ts)
			args = append(args, name+"...")
		} else {
			params = append(params, name+" "+ts)
			args = append(args, name)
		}
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		ts := c.types.TypeString(sig.Results().At(i).Type())
		if ts == "" {
			return
		}
		results = append(results, ts)
	}
	ft := "func(" + strings.Join(params, ", ") + ")"
	switch len(results) {
	case 0:
	case 1:
		ft += " " + results[0]
	default:
		ft += " (" + strings.Join(results, ", ") + ")"
	}
	ret := "return "
	if len(results) == 0 {
		ret = ""
	}
	if expr {
		c.w.Replace(c.off(sel.Pos()), c.off(sel.End()), "("+ft+" { "+ret+"__gka0."+sel.Sel.Name+"("+strings.Join(args[1:], ", ")+") })")
		return
	}
	_, recvPtr := recv.Type().(*types.Pointer)
	_, xPtr := xt.Underlying().(*types.Pointer)
	amp := ""
	switch {
	case recvPtr && !xPtr && !types.IsInterface(xt):
		amp = "&"
	case !recvPtr && xPtr:
		amp = "*" // the value is copied when the method value is made
	}
	r := ""
	gen := func() string {
		if r == "" {
			r = c.temp("recv") // when used: temporaries keep their numbers
		}
		return "func() " + ft + " { " + r + " := " + amp + "(" + c.render(sel.X) + "); return " + ft + " { " + ret + r + "." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ") } }()"
	}
	if c.called[sel] {
		c.boundMethods[sel] = gen // see laterCall
		return
	}
	c.w.Add(c.off(sel.Pos()), c.off(sel.End()), func(w *cellsrc.Rewriter) string { return gen() })
}

// isTypeExpr reports whether x denotes a type (T, pkg.T, (*T), T[int]).
func (c *compiler) isTypeExpr(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, ok := c.types.Use(c.off(x.Pos())).(*types.TypeName)
		return ok
	case *ast.SelectorExpr:
		_, ok := c.types.Use(c.off(x.Sel.Pos())).(*types.TypeName)
		return ok
	case *ast.StarExpr:
		return c.isTypeExpr(x.X)
	case *ast.IndexExpr:
		return c.isTypeExpr(x.X)
	case *ast.IndexListExpr:
		return c.isTypeExpr(x.X)
	}
	return false
}

func (c *compiler) off(pos token.Pos) int { return c.p.Off(pos) }

func (c *compiler) render(n ast.Node) string {
	if s, ok := n.(*sliceArg); ok {
		return s.code()
	}
	return c.w.Render(c.off(n.Pos()), c.off(n.End()))
}

func (c *compiler) text(n ast.Node) string { return c.w.Text(c.off(n.Pos()), c.off(n.End())) }

// syntaxError converts a parse error into a *cellError at cell positions.
func syntaxError(err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		msg := strings.ReplaceAll(e.Msg, "'EOF'", "end of cell")
		return &Error{Name: "SyntaxError", Msg: msg, Line: e.Pos.Line - 1, Col: e.Pos.Column}
	}
	return &Error{Name: "SyntaxError", Msg: err.Error()}
}

// lowerMultiAssign assigns the values of a call, a map index, a type
// assertion or a receive to several existing variables, fields or
// elements through temporaries: yaegi drops the values it assigns to
// fields and elements (r.W, r.H = dims() leaves r unchanged), and leaves a
// variable as it was when a comma-ok expression fails (v, ok = m["z"]
// keeps v). a.x, b = f() becomes __gkm1, __gkm2 := f(); a.x, b = __gkm1,
// __gkm2, when the left side evaluates nothing that the call could see
// (names, fields, pointers and elements indexed by names or literals).
func (c *compiler) lowerMultiAssign(st ast.Stmt) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
		return
	}
	switch r := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.CallExpr, *ast.IndexExpr, *ast.TypeAssertExpr:
	case *ast.UnaryExpr:
		if r.Op != token.ARROW {
			return
		}
	default:
		return
	}
	var temps []string
	for _, l := range as.Lhs {
		if !cellsrc.PlainTarget(l) {
			return
		}
		temps = append(temps, c.temp("m")) // a blank's too: _ = __gkm2 uses it
	}
	rhs := as.Rhs[0]
	c.w.Add(c.off(as.Pos()), c.off(as.Pos()), func(*cellsrc.Rewriter) string {
		return strings.Join(temps, ", ") + " := " + c.render(rhs) + "; "
	})
	c.w.Replace(c.off(as.TokPos), c.off(rhs.End()), "= "+strings.Join(temps, ", "))
}

// lowerParallelAssign evaluates the values of a, b = x, y (or :=) into
// temporaries of the targets' types, left to right, before assigning them,
// unless every value is a name or a literal: yaegi drops values of such
// assignments (n, p = 5, []int{3} left n at 0; n, m = k(), n left m; the
// same with :=), and panics on n, p = 5, nil (reflect: New(nil)). The
// targets must be plain (plainTarget), so that evaluating them after the
// values changes nothing.
func (c *compiler) lowerParallelAssign(st ast.Stmt) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || !c.parallel(as) {
		return
	}
	text, ok := c.parallelText(as, as.Tok.String())
	if !ok {
		return
	}
	c.w.Add(c.off(as.Pos()), c.off(as.End()), func(*cellsrc.Rewriter) string { return text() })
}

// parallel reports whether as is an assignment of several values that
// lowerParallelAssign lowers.
func (c *compiler) parallel(as *ast.AssignStmt) bool {
	if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) < 2 || len(as.Rhs) != len(as.Lhs) || cellsrc.HasReceive(as) {
		return false
	}
	for _, l := range as.Lhs {
		if !cellsrc.PlainTarget(l) {
			return false
		}
	}
	for _, x := range as.Rhs {
		switch x := ast.Unparen(x).(type) {
		case *ast.BasicLit:
		case *ast.Ident:
			if x.Name == "nil" {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// parallelText returns a function that renders as lowered with the
// assignment operator op: var __gkp1 T1 = x; var __gkp2 T2 = y; a, b op
// __gkp1, __gkp2. It reports false when a target's type cannot be written.
func (c *compiler) parallelText(as *ast.AssignStmt, op string) (func() string, bool) {
	var types []string
	for i, l := range as.Lhs {
		t := c.targetType(l, as.Rhs[i], as.Tok == token.DEFINE)
		if t == "" {
			return nil, false
		}
		types = append(types, t)
	}
	return func() string {
		var b strings.Builder
		var temps []string
		for i, x := range as.Rhs {
			name := c.temp("p")
			temps = append(temps, name)
			b.WriteString("var " + name + " " + types[i] + "; " + name + " = " + c.render(x) + "; ") // see typedVarCalls
		}
		if op == "=" && !cellsrc.TargetsDepend(as.Lhs) { // one by one: yaegi fails a, b = x, y of interfaces
			for i, l := range as.Lhs {
				b.WriteString(c.render(l) + " = " + temps[i] + "; ")
			}
			return strings.TrimSuffix(b.String(), "; ")
		}
		b.WriteString(c.render(&valueList{as.Lhs}) + " " + op + " " + strings.Join(temps, ", "))
		return b.String()
	}, true
}

// targetType writes the type of the target l of value x: the variable's for
// a name (new or not), the value's default type for a blank, the
// expression's for a field or an element; "" when unknown.
func (c *compiler) targetType(l, x ast.Expr, define bool) string {
	var t types.Type
	if id, ok := l.(*ast.Ident); ok {
		if id.Name == "_" {
			if t = c.types.ExprType(c.off(x.Pos()), c.off(x.End())); t != nil {
				t = types.Default(t)
			}
		} else if obj := c.types.Def(c.off(id.Pos())); obj != nil {
			t = obj.Type()
		} else if obj := c.types.Use(c.off(id.Pos())); obj != nil {
			t = obj.Type()
		}
	} else if !define {
		t = c.types.ExprType(c.off(l.Pos()), c.off(l.End()))
	}
	if t == nil || t == types.Typ[types.UntypedNil] {
		return ""
	}
	return c.types.TypeString(t)
}

// spreadFuncArgs converts the functions passed by name to a call with a
// spread variadic argument (filter(isEven, nums...)) to their parameter's
// type: yaegi panics assigning the function's node to the parameter
// ("reflect.Set: value of type *interp.node is not assignable to type
// func(int) bool"), though not a func variable or literal.
func (c *compiler) spreadFuncArgs(call *ast.CallExpr) {
	if !call.Ellipsis.IsValid() {
		return
	}
	sig, ok := c.types.ExprType(c.off(call.Fun.Pos()), c.off(call.Fun.End())).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		id := cellsrc.NameOf(arg)
		if id == nil {
			continue
		}
		if _, isFunc := c.types.Use(c.off(id.Pos())).(*types.Func); !isFunc {
			continue
		}
		if ts := c.types.TypeString(sig.Params().At(i).Type()); ts != "" {
			c.w.Insert(c.off(arg.Pos()), "("+ts+")(")
			c.w.Insert(c.off(arg.End()), ")")
		}
	}
}

// topReturn reports whether stmts, top-level statements of the cell, hold
// a return of the cell (not of a function literal): as in a main body, it
// ends the cell, its deferred calls run, and later statements do not.
func topReturn(stmts []ast.Stmt) bool {
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			}
			return !found
		})
	}
	return found
}

func isVar(obj types.Object) bool { _, ok := obj.(*types.Var); return ok }

// selectReceived writes the received value of sel, (<-ch).ID, as the
// result of a call, func() T { v := <-ch; return v }(): yaegi found no field of a
// received value ("undefined selector ID") where the receive was not
// hoisted into a temporary (a cell's top-level define).
func (c *compiler) selectReceived(sel *ast.SelectorExpr) {
	u, ok := ast.Unparen(sel.X).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return
	}
	t := c.types.ExprType(c.off(u.Pos()), c.off(u.End()))
	if t == nil {
		return
	}
	ts := c.types.TypeString(t)
	if ts == "" {
		return
	}
	c.w.Add(c.off(u.Pos()), c.off(u.End()), func(*cellsrc.Rewriter) string {
		return viaVariable(ts, c.render(u)) // return <-ch: "unaddressable value"
	})
}

// capturedLiteralAssigns rewrites, in the function literal lit, each
// assignment of a struct or array composite literal to a variable of the
// enclosing function (first = Board{8, p} in a callback), as the result of
// a call that makes it in a variable first: yaegi's assignment of the
// literal to the captured variable left the variable unchanged.
func (c *compiler) capturedLiteralAssigns(lit *ast.FuncLit) {
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its own captures: its own visit
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
				return true
			}
			id, ok := n.Lhs[0].(*ast.Ident)
			cl, isLit := ast.Unparen(n.Rhs[0]).(*ast.CompositeLit)
			if !ok || !isLit {
				return true
			}
			v, ok := c.types.Use(c.off(id.Pos())).(*types.Var)
			if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || v.Pos() >= lit.Pos() && v.Pos() < lit.End() {
				return true // a package-level variable, or the literal's own
			}
			t := c.types.ExprType(c.off(cl.Pos()), c.off(cl.End()))
			if t == nil {
				return true
			}
			switch t.Underlying().(type) {
			case *types.Struct, *types.Array:
			default:
				return true
			}
			ts := c.types.TypeString(t)
			if ts == "" {
				return true
			}
			rhs := n.Rhs[0]
			c.w.Add(c.off(rhs.Pos()), c.off(rhs.End()), func(*cellsrc.Rewriter) string {
				return viaVariable(ts, c.render(rhs))
			})
		}
		return true
	})
}

// viaVariable writes code, an expression of type ts, as the result of a
// call that makes it in a variable first: func() T { v := code; return v }().
func viaVariable(ts, code string) string {
	return "func() " + ts + " { __gkv := " + code + "; return __gkv }()"
}
