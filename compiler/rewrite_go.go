package compiler

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"strconv"
	"strings"
)

// A panic in a goroutine started by interpreted code kills the host
// process: yaegi starts goroutines with a bare go statement. So every go
// statement is rewritten to start its goroutine through the session
// (cellrt.Go), which recovers a panic in it, prints it and fails the
// running cell (see Session.goStart):
//
//	go func() { BODY }()  ->  { __gkg1_f := func() func() { return func() { BODY } }(); __gkrt.Go(WHERE, __gkg1_f) }
//	go f(a, 1)            ->  { __gkg1, __gkg1_0 := f, a; __gkg1_f := func() func() { __gkg1, __gkg1_0 := __gkg1, __gkg1_0; return func() { __gkg1(__gkg1_0, 1) } }(); __gkrt.Go(WHERE, __gkg1_f) }
//
// The function value and the arguments are still evaluated by the go
// statement; constants stay inline so that untyped constants keep working.
// The values the goroutine reads later (the temporaries, and the loop
// variables copied per iteration, see rewrite_loops.go) are copied into
// a frame of their own: yaegi keeps a block's variables in its function's
// frame, which the next iteration overwrites while the goroutine has not
// read them yet. Starting goroutines natively is about twice as fast as a
// deferred recover in interpreted code.

// builtinCalls may be started by a go statement but are not values.
var builtinCalls = map[string]bool{"close": true, "panic": true, "print": true, "println": true, "copy": true, "delete": true, "clear": true}

// rewriteGo rewrites one go statement.
func (c *compiler) rewriteGo(g *ast.GoStmt) {
	line, _ := c.w.LineCol(c.off(g.Pos()))
	where := strconv.Quote(fmt.Sprintf("%s, line %d", InLabel(c.count), line))
	fn := "__gkg" + strconv.Itoa(c.nGo+1) + "_f"
	// start stores the goroutine's func, made in a frame of its own holding
	// copies of vars, and starts it.
	start := func(body string, vars []string) string {
		copies := ""
		if len(vars) > 0 {
			list := strings.Join(vars, ", ")
			copies = list + " := " + list + "; "
		}
		f := "func() func() { " + copies + "return " + body + " }()" // see closuresInLoop
		return fn + " := " + f + "; " + RuntimeName + ".Go(" + where + ", " + fn + ")"
	}
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok && len(g.Call.Args) == 0 &&
		lit.Type.Params.NumFields() == 0 && lit.Type.Results.NumFields() == 0 {
		c.nGo++
		c.w.Add(c.off(g.Pos()), c.off(g.End()), func(w *cellsrc.Rewriter) string {
			return "{ " + start(c.render(lit), cellsrc.UsedNames(lit, c.loopVarsAt(g.Pos()))) + " }"
		})
		return
	}
	// the call reads only the temporaries (loop variables were evaluated into them)
	c.laterCall(g, g.Call, func(call string, temps []string) string { return start("func() { "+call+" }", temps) })
}

// rewriteTopDefer makes a defer among the cell's top-level statements run
// at the end of the cell, not at the end of the func literal its
// statements run in.
func (c *compiler) rewriteTopDefer(d *ast.DeferStmt) {
	c.defers = true
	c.topDefers[d] = true
	if fl, ok := d.Call.Fun.(*ast.FuncLit); ok && len(d.Call.Args) == 0 && fl.Type.Params.NumFields() == 0 && fl.Type.Results.NumFields() == 0 {
		// defer func() { ... }(): if the cell panics, the runner defers
		// the literal's source itself (yaegi's recover() works only in a
		// literal or a named function written in the defer statement).
		id := len(c.deferLits)
		c.deferLits = append(c.deferLits, "")
		c.w.Add(c.off(d.Pos()), c.off(d.End()), func(*cellsrc.Rewriter) string {
			lit := c.render(fl)
			c.deferLits[id] = lit
			return "__gkDefers = append(__gkDefers, " + lit + "); __gkDeferLits = append(__gkDeferLits, " + strconv.Itoa(id) + ")"
		})
		return
	}
	c.laterCall(d, d.Call, func(call string, _ []string) string {
		return "__gkDefers = append(__gkDefers, func() { " + call + " }); __gkDeferLits = append(__gkDeferLits, -1)"
	})
}

// laterCall replaces stmt, which calls call later, by a block that
// evaluates the function value and the arguments now and then the text
// wrap returns for the call made of them.
func (c *compiler) laterCall(stmt ast.Stmt, call *ast.CallExpr, wrap func(call string, temps []string) string) {
	c.nGo++
	tmp := "__gkg" + strconv.Itoa(c.nGo)
	id, isIdent := call.Fun.(*ast.Ident)
	builtin := isIdent && id.Obj == nil && builtinCalls[id.Name] && !c.userDefined(id.Name)
	c.w.Add(c.off(stmt.Pos()), c.off(stmt.End()), func(w *cellsrc.Rewriter) string {
		var lhs, rhs, args []string
		callee := tmp
		if builtin {
			callee = id.Name
		} else if sel, ok := call.Fun.(*ast.SelectorExpr); ok && c.boundMethods[sel] != nil {
			lhs, rhs = append(lhs, tmp), append(rhs, c.boundMethods[sel]())
		} else {
			lhs, rhs = append(lhs, tmp), append(rhs, c.render(call.Fun))
		}
		callArgs, spread := c.callArgs(call)
		for i, a := range callArgs {
			if c.isConst(a) {
				args = append(args, c.render(a))
				continue
			}
			name := tmp + "_" + strconv.Itoa(i)
			lhs, rhs, args = append(lhs, name), append(rhs, c.render(a)), append(args, name)
		}
		ell := ""
		if spread {
			ell = "..."
		}
		return "{ " + defineEach(lhs, rhs) + wrap(callee+"("+strings.Join(args, ", ")+ell+")", lhs) + " }"
	})
}

// isConst reports whether x is a constant expression made of literals and
// known constants.
func (c *compiler) isConst(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		if x.Obj != nil {
			return x.Obj.Kind == ast.Con
		}
		if d := c.env.Lookup(x.Name); d != nil {
			return d.Kind == "const"
		}
		return x.Name == "true" || x.Name == "false" || x.Name == "iota"
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && c.isConst(x.X)
	case *ast.BinaryExpr:
		return c.isConst(x.X) && c.isConst(x.Y)
	case *ast.SelectorExpr:
		return false
	}
	return false
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
	if body == nil {
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
	if len(defers) == 0 {
		return
	}
	c.closuresOutsideFrame(body, defers)
	if cellsrc.Mentions(body, "recover") {
		if !c.userDefined("recover") {
			cellsrc.DeferredPanics(c.w, c.off, body, defers, func() string { return c.temp("p") }, RuntimeName+".NewPending()")
		}
		c.deferInPlace(body, defers)
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
			c.deferInPlace(body, defers) // deferring through the list hangs yaegi
			return
		case *ast.CallExpr:
			// defer f(x)(): yaegi evaluates f(x) at the defer statement
			// already, and a func value made by compiled code (tl.Begin's
			// end, sync.OnceFunc's) called through the list leaves its
			// goroutine blocked in an RWMutex at exit.
			c.deferInPlace(body, defers)
			return
		case *ast.Ident:
			if obj := c.types.Use(c.off(f.Pos())); obj != nil && (obj.Parent() == types.Universe || obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()) {
				l.callee = f.Name // a builtin or a package-level func
			}
		case *ast.SelectorExpr:
			// pkg.F, or a method: yaegi mistypes method values of
			// compiled types, so their receiver stays evaluated late; the
			// receiver of a method of the cells is evaluated now.
			l.callee = "#sel"
			if amp, rt, ok := c.deferReceiver(f); ok {
				name := c.temp("f")
				l.params, l.args, l.callee = append(l.params, name+" "+rt), append(l.args, "#recv"+amp), name+"."+f.Sel.Name
				simple = false
			}
		}
		if l.callee == "" { // a func value: evaluated now
			t := c.types.TypeString(c.types.ExprType(c.off(fun.Pos()), c.off(fun.End())))
			if t == "" {
				return
			}
			name := c.temp("f")
			l.params, l.args, l.callee = append(l.params, name+" "+t), append(l.args, "#fun"), name
			simple = false
		}
		callArgs, spread := c.callArgs(call)
		for _, a := range callArgs {
			if c.isConst(a) {
				l.pass = append(l.pass, "#"+strconv.Itoa(len(l.pass)))
				continue
			}
			ts := c.types.TypeString(c.types.ExprType(c.off(a.Pos()), c.off(a.End())))
			if s, ok := a.(*sliceArg); ok {
				ts = s.typ
			}
			if ts == "" {
				return
			}
			name := c.temp("a")
			l.params, l.args, l.pass = append(l.params, name+" "+ts), append(l.args, "#arg"), append(l.pass, name)
			simple = false
		}
		if spread {
			l.ell = "..."
		}
		ls = append(ls, l)
	}
	if simple && !deferInLoop(body) {
		return // nothing to evaluate early
	}
	list := c.temp("dl")
	c.w.Insert(c.off(body.Lbrace)+1, " var "+list+" []func(); defer func() { for __gki := len("+list+") - 1; __gki >= 0; __gki-- { "+list+"[__gki]() } }();")
	for _, l := range ls {
		l := l
		c.w.Add(c.off(l.d.Pos()), c.off(l.d.End()), func(*cellsrc.Rewriter) string {
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
				if amp, ok := strings.CutPrefix(a, "#recv"); ok {
					args = append(args, amp+"("+c.render(ast.Unparen(call.Fun).(*ast.SelectorExpr).X)+")")
				}
			}
			callArgs, _ := c.callArgs(call)
			for i, a := range callArgs {
				if c.isConst(a) {
					pass = append(pass, c.render(a))
					continue
				}
				args = append(args, c.render(a))
				pass = append(pass, l.pass[i])
			}
			inner := callee + "(" + strings.Join(pass, ", ") + l.ell + ")"
			if len(l.params) == 0 { // made by a call too: see closuresOutsideFrame
				return list + " = append(" + list + ", func() func() { return func() { " + inner + " } }())"
			}
			head := ""
			if cellsrc.HasReceive(call) { // yaegi mishandles a receive among a call's arguments
				temps := make([]string, len(args))
				for i := range args {
					temps[i] = c.temp("t")
				}
				head, args = "{ "+defineEach(temps, args), temps
			}
			appended := list + " = append(" + list + ", func(" + strings.Join(l.params, ", ") + ") func() { return func() { " + inner + " } }(" + strings.Join(args, ", ") + "))"
			if head != "" {
				return head + appended + " }"
			}
			return appended
		})
	}
}

// closuresOutsideFrame makes each function literal of body, a function
// with deferred calls, in a frame of its own: lit → func() T { return lit }().
// yaegi runs a function's deferred calls holding the lock of its frame, and
// a closure made in that frame takes the same lock when it returns, so a
// closure of the function called by a deferred call (defer cleanup(),
// defer func() { cleanup() }(), defer wg.Wait() while its goroutines
// end) waited forever. The literals that are deferred calls themselves
// are run without that lock.
func (c *compiler) closuresOutsideFrame(body *ast.BlockStmt, defers []*ast.DeferStmt) {
	deferred := map[ast.Node]bool{}
	for _, d := range defers {
		deferred[ast.Unparen(d.Call.Fun)] = true
	}
	ast.Inspect(body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || deferred[lit] {
			return !ok
		}
		c.ownFrame(lit)
		return false
	})
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

// deferInPlace is lowerDefers for a function whose deferred calls cannot go
// through a list (closures, recover): the receiver and the arguments of
// each deferred call that is not in a loop are evaluated into temporaries
// just before it, which the call reads when it runs:
// defer t.Show(x)  →  __gkd1, __gkd2 := t, x; defer __gkd1.Show(__gkd2);
// in a loop, see cellsrc.DeferInLoop.
func (c *compiler) deferInPlace(body *ast.BlockStmt, defers []*ast.DeferStmt) {
	inLoop := cellsrc.DefersInLoops(body)
	for _, d := range defers {
		switch {
		case c.labeled[d]:
		case inLoop[d]:
			cellsrc.DeferInLoop(c.w, c.off, d, func() string { return c.temp("d") }, c.deferParamTypes(d))
		default:
			c.deferTemps(d)
		}
	}
}

// deferTemps evaluates the receiver and arguments of a deferred call into
// temporaries before the defer statement.
func (c *compiler) deferTemps(d *ast.DeferStmt) {
	call := d.Call
	var names, values []string
	recv := ""
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if amp, _, ok := c.deferReceiver(sel); ok {
			recv = c.temp("d")
			names, values = append(names, recv), append(values, amp+"("+c.render(sel.X)+")")
		}
	}
	if len(call.Args) == 1 {
		if _, tuple := c.types.ExprType(c.off(call.Args[0].Pos()), c.off(call.Args[0].End())).(*types.Tuple); tuple {
			return
		}
	}
	callArgs, spread := c.callArgs(call)
	pass := make([]string, len(callArgs))
	for i, a := range callArgs {
		if c.isConst(a) || cellsrc.IsNil(a) || c.isTypeExpr(a) {
			continue
		}
		pass[i] = c.temp("d")
		names, values = append(names, pass[i]), append(values, c.render(a))
	}
	if len(names) == 0 {
		return
	}
	c.w.Add(c.off(d.Pos()), c.off(d.End()), func(*cellsrc.Rewriter) string {
		fun := c.render(call.Fun)
		if recv != "" {
			fun = recv + "." + ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name
		}
		args := make([]string, len(callArgs))
		for i, a := range callArgs {
			args[i] = pass[i]
			if args[i] == "" {
				args[i] = c.render(a)
			}
		}
		ell := ""
		if spread {
			ell = "..."
		}
		return defineEach(names, values) + "defer " + fun + "(" + strings.Join(args, ", ") + ell + ")"
	})
}

// deferReceiver returns how the receiver of a deferred call of a method of
// the cells is evaluated when the defer statement runs (&x for a pointer
// method of a value, *p for a value method of a pointer) and the type of
// that value; ok is false for other calls.
func (c *compiler) deferReceiver(sel *ast.SelectorExpr) (amp, typ string, ok bool) {
	if c.isTypeExpr(sel.X) {
		return "", "", false
	}
	fn, isFunc := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !isFunc || fn.Type().(*types.Signature).Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return "", "", false
	}
	xt := c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End()))
	if xt == nil {
		return "", "", false
	}
	_, recvPtr := fn.Type().(*types.Signature).Recv().Type().(*types.Pointer)
	p, xPtr := xt.Underlying().(*types.Pointer)
	rt := xt
	switch {
	case recvPtr && !xPtr && !types.IsInterface(xt):
		amp, rt = "&", types.NewPointer(xt)
	case !recvPtr && xPtr:
		amp, rt = "*", p.Elem()
	}
	typ = c.types.TypeString(rt)
	return amp, typ, typ != ""
}

// defineEach defines each of names as the value of the same index, in
// order, one at a time: yaegi mixes up a define of several values when one
// is a receive (a, b := f, <-c left a nil).
func defineEach(names, values []string) string {
	var b strings.Builder
	for i, n := range names {
		b.WriteString(n + " := " + values[i] + "; ")
	}
	return b.String()
}

// callsGeneric reports whether x calls a generic function (of the cells,
// or of the standard library, which the cells run as generic source:
// yaegi failed on var f = sync.OnceValue(...) at the top level with
// "constant definition loop"; such vars are declared, then assigned).
func (c *compiler) callsGeneric(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func); ok && fn.Pkg() != nil && fn.Type().(*types.Signature).TypeParams().Len() > 0 {
				found = true
			}
		}
		return true
	})
	return found
}
