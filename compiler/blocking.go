package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"gokernel/cellsrc"
	"gokernel/goroutine"
)

// Timers. A timer or ticker counts as something that may wake a goroutine
// until it is stopped (or has fired, or is unreachable): the session's
// goroutine.Timers must see Stop and Reset, methods of compiled types, so
// the compiler replaces the method values, called or not, with its own:
//
//	t.Stop()  ->  __gkrt.TickerStop(t)()      defer t.Stop()  ->  defer __gkrt.TickerStop(t)()
//
// Blocking points. Before each statement that may block (a channel send
// or receive, a select without default, a range over a channel, a sync
// Lock, RLock or Wait, time.Sleep), the compiler puts a marker,
// __gkrt.At(CODE), that labels the goroutine with the cell position and the
// kind of operation (goroutine.Marks), so that the deadlock report,
// %goroutines and interrupts can say where each goroutine waits. Where a
// cheap test shows that the operation will not block (a buffered channel
// with room or a value, an uncontended mutex: TryLock), the marker is
// skipped: the fast path costs a len() or nothing.
//
//	v := <-ch     ->  if len(ch) == 0 { __gkrt.At(C) }; v := <-ch
//	mu.Lock()     ->  if !mu.TryLock() { __gkrt.At(C); mu.Lock() }
//	select {...}  ->  __gkrt.At(C); select {...}
//
// A range over a channel gets a marker at the end of its body and before
// its continue statements too (each iteration receives). A top-level
// statement that runs as a step of its own (a define, the trailing
// expression) cannot take a statement before it: its step records the
// marker's code instead (Step.Block).

// blockOp is the first operation of a statement that may block.
type blockOp struct {
	kind  goroutine.Kind
	pos   token.Pos
	guard string // a condition under which it may block, "" for always
	try   string // for Lock and RLock: the TryLock method that avoids the marker
}

// blockingCalls are the functions and methods that may block.
var blockingCalls = map[string]goroutine.Kind{
	"(*sync.Mutex).Lock": goroutine.Lock, "(*sync.RWMutex).Lock": goroutine.Lock,
	"(*sync.RWMutex).RLock": goroutine.Lock, "(sync.Locker).Lock": goroutine.Lock,
	"(*sync.WaitGroup).Wait": goroutine.Wait, "(*sync.Cond).Wait": goroutine.Wait,
	"time.Sleep": goroutine.Sleep,
}

// markBlocking puts markers before the statements of item that may block;
// last says whether item is the cell's last.
func (c *compiler) markBlocking(item ast.Node, last bool) {
	ast.Inspect(item, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			c.markList(n.List)
		case *ast.CaseClause:
			c.markList(n.Body)
		case *ast.CommClause:
			c.markList(n.Body)
		case *ast.SelectorExpr:
			c.timerMethod(n)
		}
		return true
	})
	switch st := item.(type) {
	case *ast.AssignStmt:
		if st.Tok == token.DEFINE { // a step of its own
			c.blocks[st] = c.blockCode(c.blockingOp(st))
			return
		}
	case *ast.ExprStmt:
		if last && !cellsrc.IsPrintCall(st.X) {
			c.blocks[st] = c.blockCode(c.blockingOp(st))
			return
		}
	case *ast.DeclStmt:
		return
	}
	if st, ok := item.(ast.Stmt); ok {
		c.markList([]ast.Stmt{st})
	}
}

// blockCode returns the marker code of op, 0 for none.
func (c *compiler) blockCode(op blockOp) int {
	if op.kind == 0 {
		return 0
	}
	line, _ := c.w.LineCol(c.off(op.pos))
	return goroutine.Code(c.w.Base()+line, op.kind)
}

// markList puts markers before the statements of list that may block.
func (c *compiler) markList(list []ast.Stmt) {
	for _, s := range list {
		inner, label := s, ""
		if l, ok := s.(*ast.LabeledStmt); ok {
			inner, label = l.Stmt, l.Label.Name
		}
		op := c.blockingOp(inner)
		if op.kind == 0 {
			continue
		}
		at := RuntimeName + ".At(" + strconv.Itoa(c.blockCode(op)) + ")"
		switch {
		case op.try != "" && label == "":
			c.w.Insert(c.off(s.Pos()), "if !"+op.try+"() { "+at+"; ")
			c.w.Insert(c.off(s.End()), " }")
			continue
		case op.guard != "":
			at = "if " + op.guard + " { " + at + " }"
		}
		c.w.Insert(c.off(s.Pos()), at+"; ")
		if r, ok := inner.(*ast.RangeStmt); ok && op.kind == goroutine.Range {
			c.markRange(r, label, at)
		}
	}
}

// markRange puts the marker at of a range over a channel at the end of its
// body and before its continue statements.
func (c *compiler) markRange(r *ast.RangeStmt, label, at string) {
	c.w.Insert(c.off(r.Body.Rbrace), "; "+at+" ")
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				if m != n {
					walk(m, true)
					return false
				}
			case *ast.BranchStmt:
				if m.Tok == token.CONTINUE && (m.Label == nil && !nested || m.Label != nil && m.Label.Name == label) {
					c.w.Insert(c.off(m.Pos()), at+"; ")
				}
			}
			return true
		})
	}
	walk(r.Body, false)
}

// blockingOp returns the first operation of s (not of the statements in
// it) that may block.
func (c *compiler) blockingOp(s ast.Stmt) blockOp {
	switch s := s.(type) {
	case *ast.SendStmt:
		if op := c.firstOp(s.Chan, s.Value); op.kind != 0 {
			return op
		}
		op := blockOp{kind: goroutine.Send, pos: s.Arrow}
		if cellsrc.IsPath(s.Chan) && c.isChan(s.Chan) {
			op.guard = "len(" + c.text(s.Chan) + ") == cap(" + c.text(s.Chan) + ")"
		}
		return op
	case *ast.SelectStmt:
		for _, cl := range s.Body.List {
			if cl.(*ast.CommClause).Comm == nil {
				return blockOp{} // a default: never blocks
			}
		}
		if len(s.Body.List) == 0 {
			return blockOp{kind: goroutine.SelectNone, pos: s.Select}
		}
		return blockOp{kind: goroutine.Select, pos: s.Select}
	case *ast.RangeStmt:
		if !c.isChan(s.X) {
			return c.firstOp(s.X)
		}
		op := blockOp{kind: goroutine.Range, pos: s.For}
		if cellsrc.IsPath(s.X) {
			op.guard = "len(" + c.text(s.X) + ") == 0"
		}
		return op
	case *ast.ExprStmt:
		op := c.firstOp(s.X)
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && op.kind == goroutine.Lock && op.pos == call.Pos() {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && cellsrc.IsPath(sel.X) {
				switch c.calleeName(call) {
				case "(*sync.Mutex).Lock", "(*sync.RWMutex).Lock":
					op.try = c.text(sel.X) + ".TryLock"
				case "(*sync.RWMutex).RLock":
					op.try = c.text(sel.X) + ".TryRLock"
				}
			}
		}
		return op
	case *ast.AssignStmt:
		return c.firstOp(append(append([]ast.Expr{}, s.Rhs...), s.Lhs...)...)
	case *ast.ReturnStmt:
		return c.firstOp(s.Results...)
	case *ast.IncDecStmt:
		return c.firstOp(s.X)
	case *ast.IfStmt:
		return c.initOp(s.Init, s.Cond)
	case *ast.SwitchStmt:
		return c.initOp(s.Init, s.Tag)
	case *ast.TypeSwitchStmt:
		if op := c.initOp(s.Init, nil); op.kind != 0 {
			return op
		}
		return c.blockingOp(s.Assign)
	case *ast.ForStmt:
		return c.initOp(s.Init, nil)
	}
	return blockOp{}
}

// initOp returns the first operation of a statement's init and head
// expression that may block.
func (c *compiler) initOp(init ast.Stmt, x ast.Expr) blockOp {
	if init != nil {
		if op := c.blockingOp(init); op.kind != 0 {
			op.try = ""
			return op
		}
	}
	return c.firstOp(x)
}

// firstOp returns the first receive or blocking call in xs.
func (c *compiler) firstOp(xs ...ast.Expr) blockOp {
	var op blockOp
	for _, x := range xs {
		if x == nil || op.kind != 0 {
			continue
		}
		ast.Inspect(x, func(n ast.Node) bool {
			if op.kind != 0 {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					op = blockOp{kind: goroutine.Recv, pos: n.OpPos}
					if cellsrc.IsPath(n.X) && c.isChan(n.X) {
						op.guard = "len(" + c.text(n.X) + ") == 0"
					}
				}
			case *ast.CallExpr:
				if k := blockingCalls[c.calleeName(n)]; k != 0 {
					op = blockOp{kind: k, pos: n.Pos()}
				}
			}
			return true
		})
	}
	return op
}

// calleeName returns the full name of the function or method call calls
// ("(*sync.Mutex).Lock", "time.Sleep"), "" if unknown.
func (c *compiler) calleeName(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// isChan reports whether x is known to be a channel.
func (c *compiler) isChan(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// timerMethod replaces sel, t.Stop or t.Reset of a *time.Timer or
// *time.Ticker, with the method value of the session's timers (see
// goroutine.TimerMethods). A promoted method (an embedded timer) is left as
// it is: the timer then counts until it is unreachable.
func (c *compiler) timerMethod(sel *ast.SelectorExpr) {
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok {
		return
	}
	name := goroutine.TimerMethods[fn.FullName()]
	t := c.types.ExprType(c.off(sel.X.Pos()), c.off(sel.X.End()))
	if name == "" || t == nil || c.isType(sel.X) {
		return
	}
	addr := ""
	if _, ptr := t.(*types.Pointer); !ptr {
		if named, ok := t.(*types.Named); !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" {
			return
		}
		addr = "&"
	} else if named, ok := t.(*types.Pointer).Elem().(*types.Named); !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" {
		return
	}
	c.w.Add(c.off(sel.Pos()), c.off(sel.End()), func(*cellsrc.Rewriter) string {
		return RuntimeName + "." + name + "(" + addr + "(" + c.render(sel.X) + "))"
	})
}

// isType reports whether x denotes a type ((*time.Ticker) in a method
// expression).
func (c *compiler) isType(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.StarExpr:
		return c.isType(x.X)
	case *ast.Ident:
		_, ok := c.types.Use(c.off(x.Pos())).(*types.TypeName)
		return ok
	case *ast.SelectorExpr:
		_, ok := c.types.Use(c.off(x.Sel.Pos())).(*types.TypeName)
		return ok
	}
	return false
}

// yaegi v0.16.1 gets the break statements of a select's cases wrong: a
// plain break leaves the loop around the select (Go leaves only the
// select), a labelled break or continue to the loop only leaves the select
// (the loop goes on: an endless loop, or a hang on a drained channel). So
// every such branch becomes a goto to a label after the select, and a
// labelled one first records where to go on from there:
//
//	for { select { case <-tick: break; case <-done: break loop } }
//	->  for { __gks1 := 0; select { case <-tick: goto __gke2; case <-done: { __gks1 = 1; goto __gke2 } }; __gke2: ; if __gks1 == 1 { break loop } }
//
// Branches nested in a loop, switch or select inside the case (which
// they belong to) and a select that is itself labelled are left as they
// are.
func (c *compiler) rewriteSelectBranches(sel *ast.SelectStmt, labelled bool) {
	if labelled {
		return
	}
	inner := map[string]bool{} // labels defined inside the select
	ast.Inspect(sel.Body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			inner[l.Label.Name] = true
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	var plain, outer []*ast.BranchStmt
	for _, cc := range sel.Body.List {
		for _, st := range cc.(*ast.CommClause).Body {
			ast.Inspect(st, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					return false
				case *ast.BranchStmt:
					switch {
					case m.Tok == token.BREAK && m.Label == nil:
						plain = append(plain, m)
					case m.Label != nil && (m.Tok == token.BREAK || m.Tok == token.CONTINUE) && !inner[m.Label.Name]:
						outer = append(outer, m)
					}
				}
				return true
			})
		}
	}
	if len(plain)+len(outer) == 0 {
		return
	}
	end := c.temp("e")
	for _, b := range plain {
		c.w.Replace(c.off(b.Pos()), c.off(b.End()), "goto "+end)
	}
	after := "; " + end + ": ;"
	if len(outer) > 0 {
		flag := c.temp("s")
		codes := map[string]int{} // "break loop" -> 1, ...
		for _, b := range outer {
			key := b.Tok.String() + " " + b.Label.Name
			code, ok := codes[key]
			if !ok {
				code = len(codes) + 1
				codes[key] = code
				after += " if " + flag + " == " + strconv.Itoa(code) + " { " + key + " };"
			}
			c.w.Replace(c.off(b.Pos()), c.off(b.End()), "{ "+flag+" = "+strconv.Itoa(code)+"; goto "+end+" }")
		}
		c.w.Insert(c.off(sel.Pos()), flag+" := 0; ")
	}
	c.w.Insert(c.off(sel.End()), after)
}

// lowerSelectComms lowers the communications of a select that yaegi runs
// wrongly: a channel or a value to send that is not a name (a call, a
// receive) is evaluated, with all the others in source order as Go does,
// into temporaries before the select ({ __gkq1 := f(); select { case v
// := <-__gkq1: ... } }), and a receive assigned to existing variables,
// fields or elements (case x, ok = <-c:) is received into temporaries
// that the case assigns first (case __gkq2, __gkq3 := <-c: x, ok = ...).
// Not in a labelled select.
func (c *compiler) lowerSelectComms(sel *ast.SelectStmt) {
	if c.labeled[sel] {
		return
	}
	var operands []ast.Expr // in source order
	hoist := false
	for _, cc := range sel.Body.List {
		cl := cc.(*ast.CommClause)
		var recv *ast.UnaryExpr
		switch s := cl.Comm.(type) {
		case *ast.SendStmt:
			operands = append(operands, s.Chan, s.Value)
		case *ast.ExprStmt:
			recv, _ = ast.Unparen(s.X).(*ast.UnaryExpr)
		case *ast.AssignStmt:
			recv, _ = ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr)
			if s.Tok == token.ASSIGN {
				c.selectAssign(cl, s)
			}
		}
		if recv != nil {
			operands = append(operands, recv.X)
		}
	}
	for _, x := range operands {
		_, lit := ast.Unparen(x).(*ast.BasicLit)
		hoist = hoist || !cellsrc.IsPath(x) && !lit
	}
	if !hoist {
		return
	}
	var names []string
	var seqs []int
	hoisting := false
	for _, x := range operands {
		name := c.temp("q")
		names = append(names, name)
		seqs = append(seqs, c.w.Next())
		start, end := c.off(x.Pos()), c.off(x.End())
		c.w.Add(start, end, func(w *cellsrc.Rewriter) string {
			if hoisting { // the operand itself, with the edits inside it
				return w.Render(start, end)
			}
			return name
		})
	}
	c.w.Add(c.off(sel.Pos()), c.off(sel.Pos()), func(w *cellsrc.Rewriter) string {
		var b strings.Builder
		b.WriteString("{ ")
		hoisting = true
		for i, x := range operands {
			b.WriteString(names[i] + " := " + c.render(x) + "; ")
			w.Unapply(seqs[i]) // the select's operand is still to write: the name
		}
		hoisting = false
		return b.String()
	})
	c.w.Insert(c.off(sel.End()), " }")
}

// selectAssign makes case a, b = <-c: a receive into temporaries that the
// case's body assigns first.
func (c *compiler) selectAssign(cl *ast.CommClause, s *ast.AssignStmt) {
	var temps []string
	for range s.Lhs {
		temps = append(temps, c.temp("q"))
	}
	c.w.Add(c.off(s.Pos()), c.off(s.TokPos)+1, func(*cellsrc.Rewriter) string { return strings.Join(temps, ", ") + " :=" })
	c.w.Add(c.off(cl.Colon)+1, c.off(cl.Colon)+1, func(*cellsrc.Rewriter) string {
		return " " + c.render(&valueList{s.Lhs}) + " = " + strings.Join(temps, ", ") + ";"
	})
}
