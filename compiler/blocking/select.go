package blocking

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"gokernel/cellsrc"
)

// LowerSelect rewrites sel, a select statement (labelled says whether it
// has a label), which yaegi runs wrongly: as a call of the session's
// select (see goroutine.RunSelect: yaegi's cases are shared by the
// goroutines running the statement) and a switch on the case it chose;
// where that cannot be written (a label, a type the cell cannot name),
// its break statements and its communications are rewritten for yaegi's.
func (c *Marker) LowerSelect(sel *ast.SelectStmt, labelled bool) {
	if !labelled && c.runSelect(sel) {
		return
	}
	c.selectBranches(sel, labelled)
	if !labelled {
		c.lowerSelectComms(sel)
	}
}

// runSelect writes sel as a call of goroutine.RunSelect and a switch on
// its result; it reports whether it did.
func (c *Marker) runSelect(sel *ast.SelectStmt) bool {
	if len(sel.Body.List) == 0 {
		return false // select {}: no cases to share
	}
	render := func(n ast.Node) string { return c.w.Render(c.cell.Off(n.Pos()), c.cell.Off(n.End())) }
	elemOf := func(ch ast.Expr) string {
		t := c.types.ExprType(c.cell.Off(ch.Pos()), c.cell.Off(ch.End()))
		if t == nil {
			return ""
		}
		if ct, ok := t.Underlying().(*types.Chan); ok {
			return c.types.TypeString(ct.Elem())
		}
		return ""
	}
	type clause struct {
		ch, elem, send string   // the channel's and value's temporaries, or ""
		recv           ast.Expr // the channel received from
		value          ast.Expr // sent
		lhs            []ast.Expr
		define         bool
	}
	clauses := make([]clause, len(sel.Body.List))
	hasDefault := false
	for i, cc := range sel.Body.List {
		cl := cc.(*ast.CommClause)
		var k clause
		switch s := cl.Comm.(type) {
		case nil:
			hasDefault = true
			continue
		case *ast.SendStmt:
			k.recv, k.value = s.Chan, s.Value
		case *ast.ExprStmt:
			u, ok := ast.Unparen(s.X).(*ast.UnaryExpr)
			if !ok || u.Op != token.ARROW {
				return false
			}
			k.recv = u.X
		case *ast.AssignStmt:
			u, ok := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr)
			if !ok || u.Op != token.ARROW || len(s.Lhs) > 2 {
				return false
			}
			k.recv, k.lhs, k.define = u.X, s.Lhs, s.Tok == token.DEFINE
		default:
			return false
		}
		if k.elem = elemOf(k.recv); k.elem == "" {
			return false
		}
		clauses[i] = k
	}
	names := make([][3]string, len(clauses)) // channel, value, ok
	for i := range clauses {
		names[i] = [3]string{c.temp("sc"), c.temp("sv"), c.temp("so")}
	}
	c.w.Add(c.cell.Off(sel.Pos()), c.cell.Off(sel.Body.Lbrace)+1, func(*cellsrc.Rewriter) string {
		var b strings.Builder
		b.WriteString(c.selectAt[sel] + "{ ")
		var cases []string
		for i, k := range clauses {
			if k.recv == nil {
				continue
			}
			ch, v, ok := names[i][0], names[i][1], names[i][2]
			b.WriteString(ch + " := " + render(k.recv) + "; ")
			if k.value != nil {
				b.WriteString("var " + v + " " + k.elem + " = " + render(k.value) + "; ")
				cases = append(cases, c.runtime+".SelectSend("+ch+", &"+v+")")
				continue
			}
			b.WriteString("var " + v + " " + k.elem + "; var " + ok + " bool; _, _ = " + v + ", " + ok + "; ")
			cases = append(cases, c.runtime+".SelectRecv("+ch+", &"+v+", &"+ok+")")
		}
		b.WriteString("switch " + c.runtime + ".RunSelect(" + strconv.FormatBool(hasDefault) + ", " + strings.Join(cases, ", ") + ") {")
		return b.String()
	})
	n := 0
	for i, cc := range sel.Body.List {
		cl := cc.(*ast.CommClause)
		k := clauses[i]
		head := "case -1:"
		if k.recv != nil {
			head = "case " + strconv.Itoa(n) + ":"
			n++
		}
		c.w.Add(c.cell.Off(cl.Case), c.cell.Off(cl.Colon)+1, func(*cellsrc.Rewriter) string {
			head := head
			for j, l := range k.lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
					continue
				}
				op := " = "
				if k.define {
					op = " := "
				}
				head += " " + render(l) + op + names[i][1+j] + ";"
			}
			return head
		})
	}
	c.w.Insert(c.cell.Off(sel.End()), " }")
	return true
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
func (c *Marker) selectBranches(sel *ast.SelectStmt, labelled bool) {
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
		c.w.Replace(c.cell.Off(b.Pos()), c.cell.Off(b.End()), "goto "+end)
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
			c.w.Replace(c.cell.Off(b.Pos()), c.cell.Off(b.End()), "{ "+flag+" = "+strconv.Itoa(code)+"; goto "+end+" }")
		}
		c.w.Insert(c.cell.Off(sel.Pos()), flag+" := 0; ")
	}
	c.w.Insert(c.cell.Off(sel.End()), after)
}

// lowerSelectComms lowers the communications of a select that yaegi runs
// wrongly: a channel or a value to send that is not a name (a call, a
// receive) is evaluated, with all the others in source order as Go does,
// into temporaries before the select ({ __gkq1 := f(); select { case v
// := <-__gkq1: ... } }), and a receive assigned to existing variables,
// fields or elements (case x, ok = <-c:) is received into temporaries
// that the case assigns first (case __gkq2, __gkq3 := <-c: x, ok = ...).
// Not in a labelled select.
func (c *Marker) lowerSelectComms(sel *ast.SelectStmt) {
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
		start, end := c.cell.Off(x.Pos()), c.cell.Off(x.End())
		c.w.Add(start, end, func(w *cellsrc.Rewriter) string {
			if hoisting { // the operand itself, with the edits inside it
				return w.Render(start, end)
			}
			return name
		})
	}
	c.w.Add(c.cell.Off(sel.Pos()), c.cell.Off(sel.Pos()), func(w *cellsrc.Rewriter) string {
		var b strings.Builder
		b.WriteString("{ ")
		hoisting = true
		for i, x := range operands {
			b.WriteString(names[i] + " := " + c.w.Render(c.cell.Off(x.Pos()), c.cell.Off(x.End())) + "; ")
			w.Unapply(seqs[i]) // the select's operand is still to write: the name
		}
		hoisting = false
		return b.String()
	})
	c.w.Insert(c.cell.Off(sel.End()), " }")
}

// selectAssign makes case a, b = <-c: a receive into temporaries that the
// case's body assigns first.
func (c *Marker) selectAssign(cl *ast.CommClause, s *ast.AssignStmt) {
	var temps []string
	for range s.Lhs {
		temps = append(temps, c.temp("q"))
	}
	c.w.Add(c.cell.Off(s.Pos()), c.cell.Off(s.TokPos)+1, func(*cellsrc.Rewriter) string { return strings.Join(temps, ", ") + " :=" })
	c.w.Add(c.cell.Off(cl.Colon)+1, c.cell.Off(cl.Colon)+1, func(*cellsrc.Rewriter) string {
		return " " + c.w.Render(c.cell.Off(s.Lhs[0].Pos()), c.cell.Off(s.Lhs[len(s.Lhs)-1].End())) + " = " + strings.Join(temps, ", ") + ";"
	})
}
