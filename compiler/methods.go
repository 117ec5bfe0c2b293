package compiler

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// yaegi ignores a method that is declared again, and binds the names a
// method uses when it is compiled. So a method of a non-generic type is
// compiled as a trampoline that calls a package-level func variable:
//
//	var __gkm_T_M func(r T, a int) string
//	func (r T) M(a int) string { return __gkm_T_M(r, a) }
//	__gkm_T_M = func(r T, a int) string { BODY }
//
// Redefining the method (or a name its body uses) only assigns the variable
// again. A changed signature is refused.

// implName is the variable holding the body of method T.M.
func implName(typ, method string) string { return "__gkm_" + typ + "_" + method }

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

// method adds a method declaration.
func (c *compiler) method(fd *ast.FuncDecl, addDecl func(string, *Decl) *Step) error {
	recv := fd.Recv.List[0]
	base, generic := RecvBase(recv.Type)
	key := base + "." + fd.Name.Name
	old := c.env.Lookup(key)
	if generic {
		norm := normalize(c.text(fd))
		if old != nil {
			if old.Norm == norm {
				return nil
			}
			c.errorAt(c.off(fd.Pos()), "method %s of generic type %s is already defined differently; yaegi cannot change it: run %%reset (or restart the kernel) and run the cells again", key, base)
			return c.errs[0]
		}
		addDecl(c.render(fd), &Decl{Name: key, Kind: "method", Norm: norm, Refs: refsOf(fd)})
		return nil
	}
	sig := c.signature(recv.Type, fd.Type)
	if old != nil && old.Norm != sig {
		c.errorAt(c.off(fd.Pos()), "method %s is already defined with a different signature; yaegi cannot change a method's signature: run %%reset (or restart the kernel) and run the cells again", key)
		return c.errs[0]
	}
	recvName := "__gkr"
	if len(recv.Names) == 1 && recv.Names[0].Name != "_" {
		recvName = recv.Names[0].Name
	}
	recvType := c.render(recv.Type)
	var params, args []string
	for i, f := range fd.Type.Params.List {
		names := f.Names
		if len(names) == 0 {
			names = []*ast.Ident{{Name: "_"}}
		}
		for j, id := range names {
			name := id.Name
			if name == "_" {
				name = "__gkp" + strconv.Itoa(i) + "_" + strconv.Itoa(j)
			}
			params = append(params, name+" "+c.render(f.Type))
			if _, variadic := f.Type.(*ast.Ellipsis); variadic {
				name += "..."
			}
			args = append(args, name)
		}
	}
	results := ""
	if fd.Type.Results != nil {
		results = " " + c.render(fd.Type.Results)
	}
	impl := implName(base, fd.Name.Name)
	funcType := "func(" + strings.Join(append([]string{recvName + " " + recvType}, params...), ", ") + ")" + results
	assign := impl + " = " + funcType + " " + c.render(fd.Body)
	d := &Decl{Name: key, Kind: "method", Norm: sig, Src: assign, Refs: refsOf(fd)}
	src := ""
	if old == nil {
		ret := ""
		if results != "" {
			ret = "return "
		}
		src = "var " + impl + " " + funcType + "\n" + c.w.directive(c.off(fd.Pos())) +
			"func (" + recvName + " " + recvType + ") " + fd.Name.Name + "(" + strings.Join(params, ", ") + ")" + results +
			" { " + ret + impl + "(" + strings.Join(append([]string{recvName}, args...), ", ") + ") }"
	}
	s := addDecl(src, d)
	s.Assigns = append(s.Assigns, assign)
	return nil
}

// signature is the normalized type of a method: receiver, parameter and
// result types.
func (c *compiler) signature(recv ast.Expr, ft *ast.FuncType) string {
	parts := []string{normalize(c.text(recv))}
	for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
		parts = append(parts, "|")
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for range n {
				parts = append(parts, normalize(c.text(f.Type)))
			}
		}
	}
	return strings.Join(parts, " ")
}

// normalize returns Go source as its tokens separated by spaces, so that
// layout and comments do not matter when definitions are compared.
func normalize(src string) string {
	var b strings.Builder
	for _, t := range scanTokens(src) {
		if t.tok == token.SEMICOLON {
			continue
		}
		s := t.lit
		if s == "" || t.tok.IsOperator() && t.tok.String() != "" {
			s = t.tok.String()
		}
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()
}
