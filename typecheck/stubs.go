package typecheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/compiler/mono"
	"sort"
	"strings"
)

// stub is the declaration of a package-level name from a cell run before.
type stub struct {
	seq   int
	names []string // the names it declares (several for a const block)
	text  string   // its Go source
}

// header returns the package clause, the imports and the stubs of the
// cells run before, minus what this cell declares again.
func (c *Checker) header(own map[string]bool, imports map[string]string, cellImports string) string {
	var b strings.Builder
	b.WriteString("package main\n")
	b.WriteString(cellImports)
	// The cell's imports carry line directives into cell.go; what follows
	// is not the cell's: without this, a stub's names would get positions
	// of the cell (a var stub's name on the line and column of one the
	// cell defines, whose type lookups by offset then took either).
	b.WriteString("//line stubs.go:1\n")
	names := make([]string, 0, len(c.imports))
	for name := range c.imports {
		if _, again := imports[name]; !again && !own[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "import %s %q\n", name, c.imports[name])
	}
	b.WriteString("import __gkinvalid \"gokernel/invalid\"\nvar __gkInvalid = __gkinvalid.Value\n")
	var stubs []*stub
	seen := map[*stub]bool{}
	for _, st := range c.decls {
		if !seen[st] {
			seen[st] = true
			stubs = append(stubs, st)
		}
	}
	sort.Slice(stubs, func(i, j int) bool { return stubs[i].seq < stubs[j].seq })
	for _, st := range stubs {
		redeclared := false
		for _, n := range st.names {
			if own[n] || imports[n] != "" {
				redeclared = true
			}
		}
		if !redeclared {
			b.WriteString(st.text + "\n")
		}
	}
	return b.String()
}

// Commit records the package-level declarations of a cell that ran, as
// stubs for the cells that follow.
func (r *Result) Commit() {
	if r == nil || r.pkg == nil {
		return
	}
	c := r.c
	for name, path := range r.imports {
		c.imports[name] = path
	}
	q := c.qualifier()
	scope := r.pkg.Scope()
	for name, n := range r.decls {
		var text string
		names := []string{name}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv != nil && len(n.Recv.List) == 1 {
				if base, _ := cellsrc.RecvBase(n.Recv.List[0].Type); base != "" {
					if _, ok := mono.Alias(base); ok {
						continue // the generic type's method
					}
				}
			}
			text = r.funcStub(n)
		case *ast.TypeSpec:
			text = "type " + r.text(n)
			if alias, ok := mono.Alias(n.Name.Name); ok {
				// the generic's instance it stands for (package mono)
				text = "type " + n.Name.Name + " = " + alias
			}
		case *ast.ValueSpec, *ast.AssignStmt:
			obj := scope.Lookup(name)
			switch obj := obj.(type) {
			case *types.Var:
				text = "var " + name + " " + typeText(obj.Type(), q)
			case *types.Const:
				text = constText(obj, q)
			}
		}
		if text == "" {
			continue
		}
		c.order++
		st := &stub{seq: c.order, names: names, text: text}
		c.decls[name] = st
	}
}

// text returns the cell text of n.
func (r *Result) text(n ast.Node) string {
	return r.src[r.cell.Off(n.Pos()):r.cell.Off(n.End())]
}

// funcStub is a func's declaration with a body that only panics.
func (r *Result) funcStub(fd *ast.FuncDecl) string {
	return r.src[r.cell.Off(fd.Pos()):r.cell.Off(fd.Type.End())] + " { panic(0) }"
}

// qualifier names packages as the cells imported them; a package no cell
// imported by name gets an import of its own.
func (c *Checker) qualifier() types.Qualifier {
	byPath := map[string]string{}
	for name, path := range c.imports {
		byPath[path] = name
	}
	return func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		if name, ok := byPath[p.Path()]; ok {
			return name
		}
		name := "__gkq_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p.Path())
		c.imports[name] = p.Path()
		byPath[p.Path()] = name
		return name
	}
}

// typeText writes t for a var stub; a type that cannot be written (it is
// invalid, or unexported in its package) becomes the invalid type, about
// which the checker reports nothing.
func typeText(t types.Type, q types.Qualifier) string {
	s := types.TypeString(t, q)
	if strings.Contains(s, "invalid type") || hasUnexported(t) {
		return "= __gkInvalid"
	}
	return s
}

// hasUnexported reports whether t names an unexported type of another
// package.
func hasUnexported(t types.Type) bool {
	return anyNamed(t, func(n *types.Named) bool {
		obj := n.Obj()
		return obj.Pkg() != nil && obj.Pkg().Path() != "main" && !obj.Exported()
	})
}

// anyNamed reports whether f holds for a named type that t mentions.
func anyNamed(t types.Type, f func(*types.Named) bool) bool {
	found := false
	var visit func(t types.Type, depth int)
	visit = func(t types.Type, depth int) {
		if found || depth > 8 {
			return
		}
		switch t := t.(type) {
		case *types.Named:
			if f(t) {
				found = true
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				visit(t.TypeArgs().At(i), depth+1)
			}
		case *types.Pointer:
			visit(t.Elem(), depth+1)
		case *types.Slice:
			visit(t.Elem(), depth+1)
		case *types.Array:
			visit(t.Elem(), depth+1)
		case *types.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
		case *types.Chan:
			visit(t.Elem(), depth+1)
		case *types.Signature:
			for i := 0; i < t.Params().Len(); i++ {
				visit(t.Params().At(i).Type(), depth+1)
			}
			for i := 0; i < t.Results().Len(); i++ {
				visit(t.Results().At(i).Type(), depth+1)
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type(), depth+1)
			}
		}
	}
	visit(t, 0)
	return found
}

// constText writes a const stub with the constant's exact value (an
// untyped constant keeps its kind: 2.0 stays a float, 'a' a rune).
func constText(obj *types.Const, q types.Qualifier) string {
	v := compiler.ConstLiteral(obj.Val(), obj.Type())
	if v == "" {
		v = obj.Val().ExactString()
	}
	if basic, ok := obj.Type().(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		return "const " + obj.Name() + " = " + v
	}
	return "const " + obj.Name() + " " + types.TypeString(obj.Type(), q) + " = " + v
}
