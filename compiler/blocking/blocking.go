// Package blocking rewrites, in a cell's source, what may block a
// goroutine: it marks the statements that may block and routes the Stop
// and Reset methods of timers through the session, so that the deadlock
// report, %goroutines and interrupts can say where each goroutine waits
// and which timers may still wake one; and it lowers the select
// statements yaegi runs wrongly (select.go).
package blocking

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"gokernel/cellsrc"
	"gokernel/goroutine"
)

// Types is what the markers need of the cell's types (the cell
// compiler's Types).
type Types interface {
	// ExprType returns the type of the expression at [start, end), or nil.
	ExprType(start, end int) types.Type
	// Use returns the object the identifier at off refers to, or nil.
	Use(off int) types.Object
	// TypeString writes t as the cell's code can name it, or "".
	TypeString(t types.Type) string
}

// Marker puts the markers in one cell.
type Marker struct {
	cell    *cellsrc.Cell
	w       *cellsrc.Rewriter
	types   Types
	runtime string                   // the name the cells' runtime package has
	temp    func(kind string) string // a new temporary's name
	blocks  map[ast.Stmt]int         // see Block
	// selectAt are the markers before select statements (see LowerSelect).
	selectAt map[*ast.SelectStmt]string
}

// New returns the marker of cell, writing through w; runtime is the
// name of the cells' runtime package (its At and timer methods), temp
// names the temporaries of the cell's rewrites.
func New(cell *cellsrc.Cell, w *cellsrc.Rewriter, t Types, runtime string, temp func(kind string) string) *Marker {
	return &Marker{cell: cell, w: w, types: t, runtime: runtime, temp: temp, blocks: map[ast.Stmt]int{}, selectAt: map[*ast.SelectStmt]string{}}
}

// Block returns the marker code of st, a top-level statement that runs as
// a step of its own (a define, the trailing expression), 0 for none.
func (c *Marker) Block(st ast.Stmt) int { return c.blocks[st] }

// text returns the source of n, without edits.
func (c *Marker) text(n ast.Node) string { return c.w.Text(c.cell.Off(n.Pos()), c.cell.Off(n.End())) }

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

// Mark puts markers before the statements of item, a top-level item of
// the cell, that may block; last says whether item is the cell's last.
// Mark must run before the cell's other rewrites: its markers go before
// their insertions.
func (c *Marker) Mark(item ast.Node, last bool) {
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
func (c *Marker) blockCode(op blockOp) int {
	if op.kind == 0 {
		return 0
	}
	line, _ := c.w.LineCol(c.cell.Off(op.pos))
	return goroutine.Code(c.w.Base()+line, op.kind)
}

// markList puts markers before the statements of list that may block.
func (c *Marker) markList(list []ast.Stmt) {
	for _, s := range list {
		inner, label := s, ""
		if l, ok := s.(*ast.LabeledStmt); ok {
			inner, label = l.Stmt, l.Label.Name
		}
		op := c.blockingOp(inner)
		if op.kind == 0 {
			continue
		}
		at := c.runtime + ".At(" + strconv.Itoa(c.blockCode(op)) + ")"
		switch {
		case op.try != "" && label == "":
			c.w.Insert(c.cell.Off(s.Pos()), "if !"+op.try+"() { "+at+"; ")
			c.w.Insert(c.cell.Off(s.End()), " }")
			continue
		case op.guard != "":
			at = "if " + op.guard + " { " + at + " }"
		}
		c.w.Insert(c.cell.Off(s.Pos()), at+"; ")
		if sel, ok := s.(*ast.SelectStmt); ok {
			c.selectAt[sel] = at + "; " // LowerSelect writes it again
		}
		if r, ok := inner.(*ast.RangeStmt); ok && op.kind == goroutine.Range {
			c.markRange(r, label, at)
		}
	}
}

// markRange puts the marker at of a range over a channel at the end of its
// body and before its continue statements.
func (c *Marker) markRange(r *ast.RangeStmt, label, at string) {
	c.w.Insert(c.cell.Off(r.Body.Rbrace), "; "+at+" ")
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
					c.w.Insert(c.cell.Off(m.Pos()), at+"; ")
				}
			}
			return true
		})
	}
	walk(r.Body, false)
}

// blockingOp returns the first operation of s (not of the statements in
// it) that may block.
func (c *Marker) blockingOp(s ast.Stmt) blockOp {
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
func (c *Marker) initOp(init ast.Stmt, x ast.Expr) blockOp {
	if init != nil {
		if op := c.blockingOp(init); op.kind != 0 {
			op.try = ""
			return op
		}
	}
	return c.firstOp(x)
}

// firstOp returns the first receive or blocking call in xs.
func (c *Marker) firstOp(xs ...ast.Expr) blockOp {
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
func (c *Marker) calleeName(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if fn, ok := c.types.Use(c.cell.Off(sel.Sel.Pos())).(*types.Func); ok {
		return fn.FullName()
	}
	return ""
}

// isChan reports whether x is known to be a channel.
func (c *Marker) isChan(x ast.Expr) bool {
	t := c.types.ExprType(c.cell.Off(x.Pos()), c.cell.Off(x.End()))
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
func (c *Marker) timerMethod(sel *ast.SelectorExpr) {
	fn, ok := c.types.Use(c.cell.Off(sel.Sel.Pos())).(*types.Func)
	if !ok {
		return
	}
	name := goroutine.TimerMethods[fn.FullName()]
	t := c.types.ExprType(c.cell.Off(sel.X.Pos()), c.cell.Off(sel.X.End()))
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
	c.w.Add(c.cell.Off(sel.Pos()), c.cell.Off(sel.End()), func(*cellsrc.Rewriter) string {
		return c.runtime + "." + name + "(" + addr + "(" + c.w.Render(c.cell.Off(sel.X.Pos()), c.cell.Off(sel.X.End())) + "))"
	})
}

// isType reports whether x denotes a type ((*time.Ticker) in a method
// expression).
func (c *Marker) isType(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.StarExpr:
		return c.isType(x.X)
	case *ast.Ident:
		_, ok := c.types.Use(c.cell.Off(x.Pos())).(*types.TypeName)
		return ok
	case *ast.SelectorExpr:
		_, ok := c.types.Use(c.cell.Off(x.Sel.Pos())).(*types.TypeName)
		return ok
	}
	return false
}
