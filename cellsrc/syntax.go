package cellsrc

// Questions about a cell's syntax trees that need no types: what a
// statement assigns, evaluates, captures or receives.

import (
	"go/ast"
	"go/token"
)

// PlainTarget reports whether x is an assignment target whose evaluation
// has no effect: a name, a field or element of one, or *name.
func PlainTarget(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return PlainTarget(x.X)
	case *ast.StarExpr:
		return PlainTarget(x.X)
	case *ast.IndexExpr:
		switch ast.Unparen(x.Index).(type) {
		case *ast.Ident, *ast.BasicLit:
			return PlainTarget(x.X)
		}
	}
	return false
}

// TopNames adds the names a top-level item of the cell declares to own.
func TopNames(it ast.Node, own map[string]bool) {
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

// TargetsDepend reports whether a target of lhs Evaluates a name that a
// target before it assigns (i, a[i] = ...): then the assignments are not
// made one by one, which would index with the new i.
func TargetsDepend(lhs []ast.Expr) bool {
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
		if root := RootName(l); root != "" {
			assigned[root] = true
		}
	}
	return false
}

// RootName is the variable an assignment target x is part of, or "".
func RootName(x ast.Expr) string {
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

// AllSimple reports whether xs are all names or literals.
func AllSimple(xs []ast.Expr) bool {
	for _, x := range xs {
		switch ast.Unparen(x).(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			return false
		}
	}
	return true
}

func AllIdents(xs []ast.Expr) bool {
	for _, x := range xs {
		if _, ok := x.(*ast.Ident); !ok {
			return false
		}
	}
	return true
}

func HasReceive(n ast.Node) bool {
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

// IsPath reports whether x is a name or a selector of names (a.b.c),
// which Evaluates the same twice.
func IsPath(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return IsPath(x.X)
	}
	return false
}

// AddressOfAny reports whether body takes the address of one of vars
// outside func literals (inside them, CapturesAny sees them).
func AddressOfAny(body *ast.BlockStmt, vars []ast.Expr) bool {
	names := IdentSet(vars)
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && names[id.Name] && id.Name != "_" {
				found = true
			}
		}
		return !found
	})
	return found
}

// CapturesAny reports whether a func literal in body refers to one of the
// variables.
func CapturesAny(body *ast.BlockStmt, vars []ast.Expr) bool {
	names := map[string]bool{}
	for _, v := range vars {
		if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
			names[id.Name] = true
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && names[id.Name] {
					found = true
				}
				return !found
			})
			return false
		}
		return !found
	})
	return found
}

// Evaluates reports whether x calls a function or receives: Go Evaluates
// the range expression of a range over an array (pointer) with an index
// only when it does.
func Evaluates(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

// IdentSet returns the names of the identifiers among xs.
func IdentSet(xs []ast.Expr) map[string]bool {
	set := map[string]bool{}
	for _, x := range xs {
		if id, ok := x.(*ast.Ident); ok {
			set[id.Name] = true
		}
	}
	return set
}

func HasFuncLit(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		_, lit := n.(*ast.FuncLit)
		_, gostmt := n.(*ast.GoStmt)
		found = found || lit || gostmt
		return !found
	})
	return found
}

// AssignsAny reports whether n assigns one of names, increments it or
// takes its address.
func AssignsAny(n ast.Node, names map[string]bool) bool {
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

// IsGlobalExpr reports whether every identifier in x refers to a global.
func IsGlobalExpr(x ast.Expr) bool {
	ok := true
	ast.Inspect(x, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && id.Obj != nil {
			ok = false
		}
		return ok
	})
	return ok
}

// NameOf returns the name x ends in: x itself, or the selector of x.sel
// (parentheses removed), or nil.
func NameOf(x ast.Expr) *ast.Ident {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// ContinuesOut reports whether body has a continue statement without a
// label outside nested loops and func literals.
func ContinuesOut(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.BranchStmt:
			found = found || n.Tok == token.CONTINUE && n.Label == nil
		}
		return !found
	})
	return found
}

// BreaksOut reports whether list has a break that leaves the statement
// it is in (an unlabeled break outside nested loops, switches, selects
// and func literals, or a labeled one).
func BreaksOut(list []ast.Stmt) bool {
	found := false
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if b, ok := m.(*ast.BranchStmt); ok && b.Label != nil && b.Tok == token.BREAK {
					found = true
				}
				_, lit := m.(*ast.FuncLit)
				return !found && !lit
			})
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK {
				found = true
			}
		}
		return !found
	}
	for _, s := range list {
		ast.Inspect(s, walk)
	}
	return found
}

// RecvBase returns the base type name of a receiver and whether the type
// is generic.
func RecvBase(x ast.Expr) (string, bool) {
	if st, ok := x.(*ast.StarExpr); ok {
		x = st.X
	}
	switch t := ast.Unparen(x).(type) {
	case *ast.Ident:
		return t.Name, false
	case *ast.IndexExpr:
		name, _ := RecvBase(t.X)
		return name, true
	case *ast.IndexListExpr:
		name, _ := RecvBase(t.X)
		return name, true
	}
	return "", false
}

// MentionsAny reports whether one of xs mentions one of names.
func MentionsAny(xs []ast.Expr, names map[string]bool) bool {
	found := false
	for _, x := range xs {
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && names[id.Name] {
				found = true
			}
			return !found
		})
	}
	return found
}
