package compiler

// Assignments yaegi runs wrongly, lowered through temporaries or split into
// a declaration and an assignment.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

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
		if !plainTarget(l) {
			return
		}
		temps = append(temps, c.temp("m")) // a blank's too: _ = __gkm2 uses it
	}
	rhs := as.Rhs[0]
	c.w.add(c.off(as.Pos()), c.off(as.Pos()), func(*rewriter) string {
		return strings.Join(temps, ", ") + " := " + c.render(rhs) + "; "
	})
	c.w.replace(c.off(as.TokPos), c.off(rhs.End()), "= "+strings.Join(temps, ", "))
}

// plainTarget reports whether x is an assignment target whose evaluation
// has no effect: a name, a field or element of one, or *name.
func plainTarget(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return plainTarget(x.X)
	case *ast.StarExpr:
		return plainTarget(x.X)
	case *ast.IndexExpr:
		switch ast.Unparen(x.Index).(type) {
		case *ast.Ident, *ast.BasicLit:
			return plainTarget(x.X)
		}
	}
	return false
}

// reusedDefine lowers a top-level x, y := ... that assigns a variable the
// cell declared before it at the top level (x, in own) and declares the
// others (y). yaegi declared x again, so the right-hand side saw a new, zero
// x: q := 3; q, r := q*2, q printed 0 0, and t, err := t.Parse(s) called
// Parse on a nil *Template. The new variables are declared with their types,
// then every left-hand side is assigned. It returns "" for other defines.
func (c *compiler) reusedDefine(as *ast.AssignStmt, own map[string]bool) (decl, assign string, decls []*Decl) {
	reused := false
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && own[id.Name] {
			reused = true
		}
	}
	if !reused && !c.parallel(as) {
		return "", "", nil
	}
	var ds []string
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return "", "", nil
		}
		if id.Name == "_" || own[id.Name] {
			continue
		}
		t := c.types.TypeString(defType(c.types.Def(c.off(id.Pos()))))
		if t == "" {
			return "", "", nil
		}
		ds = append(ds, "var "+id.Name+" "+t)
		decls = append(decls, &Decl{Name: id.Name, Kind: "var", Type: t, Refs: refsOf(as)})
	}
	if len(ds) == 0 {
		return "", "", nil
	}
	if c.parallel(as) {
		if text, ok := c.parallelText(as, "="); ok {
			return strings.Join(ds, "\n"), text(), decls
		}
	}
	if !reused {
		return "", "", nil
	}
	return strings.Join(ds, "\n"), c.render(&valueList{as.Lhs}) + " = " + c.render(&valueList{as.Rhs}), decls
}

// topNames adds the names a top-level item of the cell declares to own.
func topNames(it ast.Node, own map[string]bool) {
	switch it := it.(type) {
	case *ast.AssignStmt:
		if it.Tok == token.DEFINE {
			for _, l := range it.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					own[id.Name] = true
				}
			}
		}
	case *ast.DeclStmt:
		for _, sp := range it.Decl.(*ast.GenDecl).Specs {
			if vs, ok := sp.(*ast.ValueSpec); ok {
				for _, id := range vs.Names {
					own[id.Name] = true
				}
			}
		}
	}
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
	c.w.add(c.off(as.Pos()), c.off(as.End()), func(*rewriter) string { return text() })
}

// parallel reports whether as is an assignment of several values that
// lowerParallelAssign lowers.
func (c *compiler) parallel(as *ast.AssignStmt) bool {
	if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) < 2 || len(as.Rhs) != len(as.Lhs) || hasReceive(as) {
		return false
	}
	for _, l := range as.Lhs {
		if !plainTarget(l) {
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
			b.WriteString("var " + name + " " + types[i] + " = " + c.render(x) + "; ")
		}
		if op == "=" && !targetsDepend(as.Lhs) { // one by one: yaegi fails a, b = x, y of interfaces
			for i, l := range as.Lhs {
				b.WriteString(c.render(l) + " = " + temps[i] + "; ")
			}
			return strings.TrimSuffix(b.String(), "; ")
		}
		b.WriteString(c.render(&valueList{as.Lhs}) + " " + op + " " + strings.Join(temps, ", "))
		return b.String()
	}, true
}

// targetsDepend reports whether a target of lhs evaluates a name that a
// target before it assigns (i, a[i] = ...): then the assignments are not
// made one by one, which would index with the new i.
func targetsDepend(lhs []ast.Expr) bool {
	assigned := map[string]bool{}
	for _, l := range lhs {
		if _, ok := l.(*ast.Ident); !ok {
			dep := false
			ast.Inspect(l, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && assigned[id.Name] {
					dep = true
				}
				return !dep
			})
			if dep {
				return true
			}
		}
		if root := rootName(l); root != "" {
			assigned[root] = true
		}
	}
	return false
}

// rootName is the variable an assignment target x is part of, or "".
func rootName(x ast.Expr) string {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			return e.Name
		case *ast.SelectorExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		default:
			return ""
		}
	}
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
