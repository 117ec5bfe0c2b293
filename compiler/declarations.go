package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// DeclarationsOf returns the declarations of a cell as source, in order.
func DeclarationsOf(code string) string {
	return strings.Join(DeclarationItems(code), "\n")
}

// DeclarationItems returns each top-level declaration of a cell (imports,
// consts, vars, types, funcs and methods, not statements), in order.
func DeclarationItems(code string) []string {
	p, err := Parse(code)
	if err != nil {
		return nil
	}
	var parts []string
	for _, it := range p.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "main" {
				continue
			}
		case *ast.GenDecl:
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); !ok || gd.Tok == token.IMPORT {
				continue
			}
		default:
			continue
		}
		start, end := p.Off(it.Pos()), p.Off(it.End())
		if start >= 0 && end <= len(code) && start < end {
			parts = append(parts, code[start:end])
		}
	}
	return parts
}

// Decl is a top-level declaration of the cells.
type Decl struct {
	Name string // the name, or Type.Method
	Kind string // func, var, const, type, import or method
	Type string // type, signature or import path, for Names
	// Src re-declares a func; for a method it assigns its body.
	Src  string
	Refs map[string]bool // identifiers it mentions
	Norm string          // type: normalized definition; method: signature
}

// Name is a top-level name defined by cells, as %who lists it.
type Name struct {
	Name string
	Kind string // func, var, const, type or import
	Type string // type, signature or import path; "" if unknown
}

// A package-level var whose initializer mentions a global variable that an
// earlier evaluation defined (an earlier cell, or a top-level a := ... that
// ends the cell's group of declarations) fails in yaegi with "variable
// definition loop": yaegi orders the initializers of one evaluation by
// their dependencies and never finds the earlier one among them. Such a var
// (or one with a receive in its initializer, which is hoisted before the
// declaration), and the vars of its group whose initializers depend on it,
// are lowered to their declaration and an assignment that runs where the
// var is among the cell's statements: var y int64 = 1 << s  →  var y int64
// (with the group) and y = 1 << s.

// varGroups finds the top-level var specs to lower (c.splitSpecs).
func (c *compiler) varGroups() {
	type spec struct {
		vs   *ast.ValueSpec
		deps []types.Object // the vars of the same group it mentions
	}
	run := 0
	varRun := map[types.Object]int{}
	byVar := map[types.Object]*ast.ValueSpec{}
	var specs []spec
	var runs []int
	for _, it := range c.p.Items {
		switch it := it.(type) {
		case *ast.AssignStmt:
			if it.Tok == token.DEFINE {
				run++ // a step of its own: the group ends
			}
		case *ast.DeclStmt:
			gd, ok := it.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				break
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, id := range vs.Names {
					if obj := c.types.Def(c.off(id.Pos())); obj != nil {
						varRun[obj], byVar[obj] = run, vs
					}
				}
				if len(vs.Values) > 0 && !(len(vs.Names) == 2 && len(vs.Values) == 1) {
					specs = append(specs, spec{vs: vs})
					runs = append(runs, run)
				}
			}
		}
	}
	c.splitSpecs = map[*ast.ValueSpec]bool{}
	for i := range specs {
		sp := &specs[i]
		for _, v := range sp.vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					ast.Inspect(n.X, func(m ast.Node) bool { c.varDep(m, varRun, runs[i], sp.vs, &sp.deps); return true })
					return false
				case *ast.UnaryExpr:
					if n.Op == token.ARROW {
						c.splitSpecs[sp.vs] = true
					}
				case *ast.Ident:
					c.varDep(n, varRun, runs[i], sp.vs, &sp.deps)
				}
				return true
			})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, sp := range specs {
			for _, d := range sp.deps {
				if c.splitSpecs[byVar[d]] && !c.splitSpecs[sp.vs] {
					c.splitSpecs[sp.vs], changed = true, true
				}
			}
		}
	}
}

// varDep records what n, in the initializer of vs, depends on: a global
// var of another evaluation splits vs; one of its group is a dependency.
func (c *compiler) varDep(n ast.Node, varRun map[types.Object]int, run int, vs *ast.ValueSpec, deps *[]types.Object) {
	id, ok := n.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.types.Use(c.off(id.Pos())).(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return
	}
	if r, inCell := varRun[v]; !inCell || r != run {
		c.splitSpecs[vs] = true
		return
	}
	*deps = append(*deps, v)
}

// splitVar returns the declaration and the assignment of a top-level var
// spec to lower (see above), or "", "" to keep it.
func (c *compiler) splitVar(gd *ast.GenDecl, vs *ast.ValueSpec) (decl, assign string) {
	if !c.splitSpecs[vs] {
		return "", ""
	}
	var names []string
	for _, id := range vs.Names {
		names = append(names, id.Name)
	}
	if vs.Type != nil {
		decl = "var " + strings.Join(names, ", ") + " " + c.render(vs.Type)
	} else {
		var ds []string
		for _, id := range vs.Names {
			if id.Name == "_" {
				continue
			}
			t := c.types.TypeString(defType(c.types.Def(c.off(id.Pos()))))
			if t == "" {
				return "", ""
			}
			ds = append(ds, "var "+id.Name+" "+t)
		}
		decl = strings.Join(ds, "\n")
	}
	// The receives hoisted out of the declaration, and its marker, are
	// inserted where it starts.
	at := c.off(gd.Pos())
	hoisted := c.w.render(at, at)
	return decl, hoisted + strings.Join(names, ", ") + " = " + c.render(&valueList{vs.Values})
}

// valueList is the range of a spec's values, commas included.
type valueList struct{ xs []ast.Expr }

func (l *valueList) Pos() token.Pos { return l.xs[0].Pos() }
func (l *valueList) End() token.Pos { return l.xs[len(l.xs)-1].End() }
