package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Go 1.22 gives every loop iteration its own loop variables; yaegi v0.16.1
// shares them, and crashes on range over an int. When a loop body holds a
// closure and does not assign the loop variables, the rewrite copies them
// at the top of the body (i := i); range over an int becomes a range over
// make([]struct{}, n), which costs no memory.

// loopCopy is a loop body whose loop variables the rewrite copies.
type loopCopy struct {
	body  *ast.BlockStmt
	names []string
}

// loopVarsAt returns the copied loop variables in scope at pos.
func (c *compiler) loopVarsAt(pos token.Pos) []string {
	var names []string
	for _, lc := range c.loopCopies {
		if lc.body.Lbrace < pos && pos < lc.body.Rbrace {
			names = append(names, lc.names...)
		}
	}
	return names
}

// rewriteFor copies the variables of a three-clause loop.
func (c *compiler) rewriteFor(f *ast.ForStmt) {
	if as, ok := f.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		c.deferLoopVars(as.Lhs, f.Body)
		if c.closureLoop(f, as.Lhs, f.Body, assignsAny(f.Body, identSet(as.Lhs))) {
			return
		}
		c.copyLoopVars(as.Lhs, f.Body)
	}
}

// rewriteRange copies range variables, rewrites range over an int and
// refuses range over a function.
func (c *compiler) rewriteRange(r *ast.RangeStmt) {
	switch {
	case c.rangeOverFunc(r):
		return
	case c.isFunc(r.X) || c.funcTyped(r.X):
		c.errorAt(c.off(r.X.Pos()), "this range over a function (Go 1.23 iterators) is not supported by the interpreter (its body has a label, a goto, or a defer that cannot leave it (a deferred func literal, a function that recovers), or the yield function's types cannot be written): call the function with a yield callback instead (seq(func(v T) bool { ...; return true }))%s", OrCompile)
	case c.isInt(r.X):
		// One edit of X's range: X's own rewrites (constExpr) apply inside.
		c.w.add(c.off(r.X.Pos()), c.off(r.X.End()), func(*rewriter) string { return "make([]struct{}, " + c.render(r.X) + ")" })
		if c.typedIntKey(r) {
			return
		}
	case r.Value != nil && c.rangesOverChans(r.X):
		c.rangeByIndex(r)
		return
	}
	decoded := c.rangeOverString(r)
	if r.Tok == token.DEFINE {
		var vars []ast.Expr
		for _, x := range []ast.Expr{r.Key, r.Value} {
			if x != nil {
				vars = append(vars, x)
			}
		}
		c.deferLoopVars(vars, r.Body)
		if !c.closureLoop(r, vars, r.Body, false) {
			c.copyLoopVars(vars, r.Body)
		}
	}
	if decoded { // after the body's own edits at its end
		c.w.insert(c.off(r.Body.Rbrace), "; }")
	}
}

// rangeOverString lowers a range over a string with an index variable to
// a loop decoding the string: yaegi ranges over []rune(s) and takes the
// length of string(runes[:n]) as the index, wrong after an invalid byte
// (U+FFFD counts 3 bytes: "\xffz" gives z at 3, not 1), and quadratic.
// The string is evaluated once and a label stays on the loop:
//
//	for __gks, __gki, __gkw := string(s), 0, 0; __gki < len(__gks); __gki += __gkw {
//		var __gkr rune; __gkr, __gkw = __gkrt.DecodeRune(__gks[__gki:])
//		k, v := __gki, __gkr; { body } }
//
// The caller closes the inner block. A value-only range is right in yaegi.
func (c *compiler) rangeOverString(r *ast.RangeStmt) bool {
	if id, ok := r.Key.(*ast.Ident); r.Key == nil || ok && id.Name == "_" || !c.isString(r.X) {
		return false
	}
	s, i, w, ru := c.temp("s"), c.temp("i"), c.temp("w"), c.temp("r")
	// From the key on: a marker before the statement stays.
	c.w.add(c.off(r.Key.Pos()), c.off(r.Body.Lbrace)+1, func(*rewriter) string {
		lhs, rhs := c.render(r.Key), i
		if r.Value != nil {
			lhs, rhs = lhs+", "+c.render(r.Value), rhs+", "+ru
		}
		return s + ", " + i + ", " + w + " := string(" + c.render(r.X) + "), 0, 0; " + i + " < len(" + s + "); " + i + " += " + w +
			" { var " + ru + " rune; " + ru + ", " + w + " = " + RuntimeName + ".DecodeRune(" + s + "[" + i + ":]); " +
			lhs + " " + r.Tok.String() + " " + rhs + "; { "
	})
	return true
}

// isString reports whether x is a string (a literal, or typed so).
func (c *compiler) isString(x ast.Expr) bool {
	if lit, ok := ast.Unparen(x).(*ast.BasicLit); ok {
		return lit.Kind == token.STRING
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// identSet returns the names of the identifiers among xs.
func identSet(xs []ast.Expr) map[string]bool {
	set := map[string]bool{}
	for _, x := range xs {
		if id, ok := x.(*ast.Ident); ok {
			set[id.Name] = true
		}
	}
	return set
}

// copyLoopVars inserts "a, b := a, b;" at the top of body when body holds a
// func literal and never assigns the variables.
func (c *compiler) copyLoopVars(vars []ast.Expr, body *ast.BlockStmt) {
	var names []string
	set := map[string]bool{}
	for _, v := range vars {
		if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
			names = append(names, id.Name)
			set[id.Name] = true
		}
	}
	if len(names) == 0 || !hasFuncLit(body) || assignsAny(body, set) {
		return
	}
	list := strings.Join(names, ", ")
	c.w.insert(c.off(body.Lbrace)+1, " "+list+" := "+list+"; {")
	c.w.insert(c.off(body.Rbrace), "; }")
	c.loopCopies = append(c.loopCopies, loopCopy{body: body, names: names})
}

func hasFuncLit(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		_, lit := n.(*ast.FuncLit)
		_, gostmt := n.(*ast.GoStmt)
		found = found || lit || gostmt
		return !found
	})
	return found
}

// assignsAny reports whether n assigns one of names, increments it or
// takes its address.
func assignsAny(n ast.Node, names map[string]bool) bool {
	found := false
	is := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && names[id.Name]
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					found = found || is(l)
				}
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		}
		return !found
	})
	return found
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// isInt reports whether x is known to be an integer.
func (c *compiler) isInt(x ast.Expr) bool {
	if t := c.types.ExprType(c.off(x.Pos()), c.off(x.End())); t != nil {
		b, ok := t.Underlying().(*types.Basic)
		return ok && b.Info()&types.IsInteger != 0
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.Ident:
		if x.Obj == nil {
			return intTypes[c.globalType(x.Name)]
		}
		return c.declIsInt(x)
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok {
			return id.Name == "len" || id.Name == "cap" || intTypes[id.Name]
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR, token.AND, token.OR, token.XOR, token.AND_NOT:
			return c.isInt(x.X) && (x.Op == token.SHL || x.Op == token.SHR || c.isInt(x.Y))
		}
	case *ast.SelectorExpr:
		if isGlobalExpr(x) {
			return intTypes[c.env.TypeOf(c.text(x))]
		}
	}
	return false
}

// declIsInt reports whether the local identifier id is declared as an
// integer.
func (c *compiler) declIsInt(id *ast.Ident) bool {
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		t, ok := d.Type.(*ast.Ident)
		return ok && intTypes[t.Name]
	case *ast.ValueSpec:
		if d.Type != nil {
			t, ok := d.Type.(*ast.Ident)
			return ok && intTypes[t.Name]
		}
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) && len(d.Values) == len(d.Names) {
				return c.isInt(d.Values[i])
			}
		}
	case *ast.AssignStmt:
		for i, l := range d.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Name == id.Name && len(d.Rhs) == len(d.Lhs) && d.Tok == token.DEFINE {
				if _, isRange := d.Rhs[i].(*ast.UnaryExpr); !isRange {
					return c.isInt(d.Rhs[i])
				}
			}
		}
	}
	return false
}

// isFunc reports whether x is known to be a function value.
func (c *compiler) isFunc(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		if x.Obj == nil {
			if d := c.env.Lookup(x.Name); d != nil && d.Kind == "func" {
				return true
			}
			return strings.HasPrefix(c.globalType(x.Name), "func(")
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.Field:
			_, fn := d.Type.(*ast.FuncType)
			return fn
		case *ast.AssignStmt:
			for i, l := range d.Lhs {
				if l.(*ast.Ident).Name == x.Name && len(d.Rhs) == len(d.Lhs) {
					return c.isFunc(d.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if _, fn := d.Type.(*ast.FuncType); fn {
				return true
			}
			for i, n := range d.Names {
				if n.Name == x.Name && len(d.Values) == len(d.Names) {
					return c.isFunc(d.Values[i])
				}
			}
		}
	}
	return false
}

// globalType returns the type of the global name (declared by this cell or
// an earlier one), or "".
func (c *compiler) globalType(name string) string {
	if d := c.env.Lookup(name); d != nil {
		if d.Kind == "func" {
			return d.Type
		}
		if d.Kind == "var" || d.Kind == "const" {
			if d.Type != "" {
				return d.Type
			}
		}
		if d.Kind == "type" || d.Kind == "import" {
			return ""
		}
	}
	if c.defined[name] {
		return ""
	}
	return c.env.TypeOf(name)
}

// isGlobalExpr reports whether every identifier in x refers to a global.
func isGlobalExpr(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && id.Obj != nil {
			ok = false
		}
		return ok
	})
	return ok
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
		c.w.replace(c.off(b.Pos()), c.off(b.End()), "goto "+end)
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
			c.w.replace(c.off(b.Pos()), c.off(b.End()), "{ "+flag+" = "+strconv.Itoa(code)+"; goto "+end+" }")
		}
		c.w.insert(c.off(sel.Pos()), flag+" := 0; ")
	}
	c.w.insert(c.off(sel.End()), after)
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
		hoist = hoist || !isPath(x) && !lit
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
		seqs = append(seqs, len(c.w.edits))
		start, end := c.off(x.Pos()), c.off(x.End())
		c.w.add(start, end, func(w *rewriter) string {
			if hoisting { // the operand itself, with the edits inside it
				return w.render(start, end)
			}
			return name
		})
	}
	c.w.add(c.off(sel.Pos()), c.off(sel.Pos()), func(w *rewriter) string {
		var b strings.Builder
		b.WriteString("{ ")
		hoisting = true
		for i, x := range operands {
			b.WriteString(names[i] + " := " + c.render(x) + "; ")
			delete(w.applied, seqs[i]) // the select's operand is still to write: the name
		}
		hoisting = false
		return b.String()
	})
	c.w.insert(c.off(sel.End()), " }")
}

// selectAssign makes case a, b = <-c: a receive into temporaries that the
// case's body assigns first.
func (c *compiler) selectAssign(cl *ast.CommClause, s *ast.AssignStmt) {
	var temps []string
	for range s.Lhs {
		temps = append(temps, c.temp("q"))
	}
	c.w.add(c.off(s.Pos()), c.off(s.TokPos)+1, func(*rewriter) string { return strings.Join(temps, ", ") + " :=" })
	c.w.add(c.off(cl.Colon)+1, c.off(cl.Colon)+1, func(*rewriter) string {
		return " " + c.render(&valueList{s.Lhs}) + " = " + strings.Join(temps, ", ") + ";"
	})
}
