package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
			c.w.add(c.off(body.Lbrace)+1, c.off(body.Lbrace)+1, func(*rewriter) string {
				return " " + name + " = *new(" + c.render(typ) + ");"
			})
		}
	}
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

// rangesOverChans reports whether x is a slice or array of channels:
// yaegi panics ranging over one with a value variable ("call of
// reflect.Value.Len on int Value").
func (c *compiler) rangesOverChans(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
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
		return head + "for " + idx + " := range " + coll + " { " + assign + "{ "
	})
	c.w.insert(c.off(r.Body.Rbrace), "; }")
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

// Types is what Go's type checker found in a cell (package typecheck
// implements it), by byte offsets in the cell: the rewrites that need
// types use it.
type Types interface {
	// ExprType returns the type of the expression at [start, end), or nil.
	ExprType(start, end int) types.Type
	// ExprValue returns the value of the constant expression at
	// [start, end) (as the checker computed it exactly), or nil.
	ExprValue(start, end int) constant.Value
	// Def returns the object the identifier at off defines, or nil.
	Def(off int) types.Object
	// Use returns the object the identifier at off refers to, or nil.
	Use(off int) types.Object
	// Instance returns the instantiation of the generic function or type
	// named at off, if its type arguments were inferred or given.
	Instance(off int) (types.Instance, bool)
	// TypeString writes t as the cell's code can name it, or "".
	TypeString(t types.Type) string
	// Scope returns the scope of the session's package as the cell sees
	// it (its declarations and the earlier cells'), or nil.
	Scope() *types.Scope
}

// noTypes is the Types of a cell that was not type-checked: no rewrite
// that needs types is made.
type noTypes struct{}

func (noTypes) ExprType(start, end int) types.Type { return nil }

func (noTypes) ExprValue(start, end int) constant.Value { return nil }

func (noTypes) Def(off int) types.Object { return nil }

func (noTypes) Use(off int) types.Object { return nil }

func (noTypes) Instance(off int) (types.Instance, bool) { return types.Instance{}, false }

func (noTypes) TypeString(t types.Type) string { return "" }

func (noTypes) Scope() *types.Scope { return nil }

// defType returns the type of a defined object, or nil.
func defType(obj types.Object) types.Type {
	if obj == nil {
		return nil
	}
	return obj.Type()
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
	if recv == nil || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return // a package's function, or a method of a compiled type
	}
	expr := c.isTypeExpr(sel.X) // a method expression T.M: func(r T, ...)
	xt := c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End()))
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
		c.w.replace(c.off(sel.Pos()), c.off(sel.End()), "("+ft+" { "+ret+"__gka0."+sel.Sel.Name+"("+strings.Join(args[1:], ", ")+") })")
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
	c.w.add(c.off(sel.Pos()), c.off(sel.End()), func(w *rewriter) string { return gen() })
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
