package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
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
		if c.closureLoop(f, as.Lhs, f.Body, cellsrc.AssignsAny(f.Body, cellsrc.IdentSet(as.Lhs))) {
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
		c.w.Add(c.off(r.X.Pos()), c.off(r.X.End()), func(*cellsrc.Rewriter) string { return "make([]struct{}, " + c.render(r.X) + ")" })
		if c.typedIntKey(r) {
			return
		}
	case r.Value != nil && c.rangesOverChans(r.X):
		c.rangeByIndex(r)
		return
	default:
		c.rangeOverArrayPointer(r)
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
		c.w.Insert(c.off(r.Body.Rbrace), "; }")
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
	c.w.Add(c.off(r.Key.Pos()), c.off(r.Body.Lbrace)+1, func(*cellsrc.Rewriter) string {
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

// rangeOverArrayPointer rewrites the range expression of a range over a
// pointer to an array, on which yaegi panics ("call of reflect.Value.Elem
// on array Value"). With a value variable it ranges over p[:], whose
// elements are read through the pointer at each iteration as Go does; with
// an index only over make([]struct{}, N), N the array's length: Go does not
// evaluate p then (a nil p ranges too), unless p calls or receives, which
// a closure then evaluates first.
func (c *compiler) rangeOverArrayPointer(r *ast.RangeStmt) {
	n, ok := c.arrayPointerLen(r.X)
	if !ok {
		return
	}
	if id, isID := r.Value.(*ast.Ident); r.Value != nil && !(isID && id.Name == "_") {
		c.w.Add(c.off(r.X.Pos()), c.off(r.X.End()), func(*cellsrc.Rewriter) string { return "(" + c.render(r.X) + ")[:]" })
		return
	}
	length := strconv.FormatInt(n, 10)
	c.w.Add(c.off(r.X.Pos()), c.off(r.X.End()), func(*cellsrc.Rewriter) string {
		if cellsrc.Evaluates(r.X) {
			return "make([]struct{}, func() int { _ = " + c.render(r.X) + "; return " + length + " }())"
		}
		return "make([]struct{}, " + length + ")"
	})
}

// arrayPointerLen returns the length of the array x points to, if x is a
// pointer to an array.
func (c *compiler) arrayPointerLen(x ast.Expr) (int64, bool) {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return 0, false
	}
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return 0, false
	}
	a, ok := p.Elem().Underlying().(*types.Array)
	if !ok {
		return 0, false
	}
	return a.Len(), true
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
	if len(names) == 0 || !cellsrc.HasFuncLit(body) || cellsrc.AssignsAny(body, set) {
		return
	}
	list := strings.Join(names, ", ")
	c.w.Insert(c.off(body.Lbrace)+1, " "+list+" := "+list+"; {")
	c.w.Insert(c.off(body.Rbrace), "; }")
	c.loopCopies = append(c.loopCopies, loopCopy{body: body, names: names})
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
		if cellsrc.IsGlobalExpr(x) {
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
	pure := cellsrc.IsPath(r.X)
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
	c.w.Add(c.off(r.Pos()), c.off(r.Body.Lbrace)+1, func(*cellsrc.Rewriter) string {
		head := ""
		if !pure {
			head = "{ " + coll + " := " + c.render(r.X) + "; "
		}
		return head + "for " + idx + " := range " + coll + " { " + assign + "{ "
	})
	c.w.Insert(c.off(r.Body.Rbrace), "; }")
	if !pure {
		c.w.Insert(c.off(r.End()), " }")
	}
}

// boolCaseLists lowers the case lists of a boolean switch, of which yaegi
// tests only the first expression (no tag: `case a == 0, b == 0` does not
// match when only b is 0) or stops at the first false comparison (a bool
// tag). In a switch without a tag, each list of several expressions becomes
// one disjunction, evaluated left to right and stopping at the first true
// one as Go does:
//
//	case (a == 0) || (b == 0):
//
// A bool tag is bound to a temporary (switch __gkb := tag; {), and every
// case then compares with it: case __gkb == (a == 0) || __gkb == (b == 0).
// A bool tag with an init statement is compared where it is written when it
// is a name or a constant; otherwise the switch is refused.
func (c *compiler) boolCaseLists(s *ast.SwitchStmt) {
	multi := false
	for _, st := range s.Body.List {
		multi = multi || len(st.(*ast.CaseClause).List) > 1
	}
	if !multi {
		return
	}
	cmp := ""
	if s.Tag != nil {
		t := c.types.ExprType(c.off(s.Tag.Pos()), c.off(s.Tag.End()))
		if t == nil || !isBoolType(t) {
			return
		}
		switch tag := ast.Unparen(s.Tag).(type) {
		case *ast.Ident:
			if s.Init != nil {
				cmp = tag.Name
			}
		case *ast.BasicLit:
			cmp = tag.Value
		}
		if cmp == "" && s.Init != nil {
			c.errorAt(c.off(s.Tag.Pos()), "a switch on a bool value with an init statement and cases listing several expressions is not supported by the interpreter (it tests them wrongly): write the cases with ||%s", OrCompile)
			return
		}
		start, end := c.off(s.Tag.Pos()), c.off(s.Tag.End())
		if cmp == "" {
			cmp = c.temp("b")
			c.w.Add(start, end, func(w *cellsrc.Rewriter) string { return cmp + " := " + w.Render(start, end) + ";" })
		} else {
			c.w.Replace(start, end, "")
		}
	}
	for _, st := range s.Body.List {
		cl := st.(*ast.CaseClause)
		if len(cl.List) == 0 || (s.Tag == nil && len(cl.List) == 1) {
			continue
		}
		c.w.Add(c.off(cl.List[0].Pos()), c.off(cl.List[len(cl.List)-1].End()), func(w *cellsrc.Rewriter) string {
			var b strings.Builder
			for i, x := range cl.List {
				start, end := c.off(x.Pos()), c.off(x.End())
				if i > 0 {
					// the separator without its comma keeps the lines
					b.WriteString(" ||" + strings.Replace(w.Text(c.off(cl.List[i-1].End()), start), ",", "", 1))
				}
				if cmp != "" {
					b.WriteString(cmp + " == ")
				}
				b.WriteString(operand(x, w.Render(start, end)))
			}
			return b.String()
		})
	}
}

// operand returns text, the code of x, as an operand of == or ||:
// parenthesized when x is a binary expression, and only then (yaegi
// mishandles a comparison with a parenthesized name or literal, see
// unparenOperands).
func operand(x ast.Expr, text string) string {
	if _, ok := ast.Unparen(x).(*ast.BinaryExpr); ok {
		return "(" + text + ")"
	}
	return text
}

// isBoolType reports whether t's underlying type is a boolean.
func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// typedIntKey gives the key of a range over an integer of another type
// than int (n of type Small: i is a Small) its type: the slice ranged over
// instead has int indexes. The key is declared in the body, so that every
// iteration has its own:
//
//	for __gkk := range make([]struct{}, n) { i := Small(__gkk); { body } }
//
// It reports whether it rewrote the loop.
func (c *compiler) typedIntKey(r *ast.RangeStmt) bool {
	key, ok := r.Key.(*ast.Ident)
	if !ok || key.Name == "_" {
		return false
	}
	t := c.types.ExprType(c.off(r.X.Pos()), c.off(r.X.End()))
	if t == nil || types.Identical(types.Default(t), types.Typ[types.Int]) {
		return false
	}
	ts := c.types.TypeString(types.Default(t))
	if ts == "" {
		return false
	}
	k := c.temp("k")
	c.w.Replace(c.off(key.Pos()), c.off(r.TokPos)+len(r.Tok.String()), k+" :=")
	c.w.Insert(c.off(r.Body.Lbrace)+1, " "+key.Name+" "+r.Tok.String()+" "+ts+"("+k+"); {")
	c.w.Insert(c.off(r.Body.Rbrace), "; }")
	return true
}

// hasCompositeLit reports whether x holds a composite literal, which may
// need its parentheses in an if, for or switch header.
func hasCompositeLit(x ast.Node) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool { _, lit := n.(*ast.CompositeLit); found = found || lit; return !found })
	return found
}
