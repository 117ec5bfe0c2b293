package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
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

// yaegi's named types of the cells are not named for fmt: %T of a
// main.Celsius prints float64, %#v of a main.Point prints
// struct { X int; Y int }{X:1, Y:2}. In Printf-like calls with a literal
// format, the checker's static type names them: %T of an operand whose
// type is not an interface prints the type's name, and %#v of one that
// mentions cell types is written by cellrt.GoSyntax, which names the
// value's type and the struct types of the cells inside it. An interface
// operand keeps yaegi's output (its dynamic type is not known here).

// fmtFormats are the functions of fmt with a format, and its argument.
var fmtFormats = map[string]int{"Printf": 0, "Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1}

// lowerFormat rewrites the %T and %#v operands of a call of fmt.Printf,
// Sprintf, Errorf, Fprintf or Appendf.
func (c *compiler) lowerFormat(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	fi, ok := fmtFormats[sel.Sel.Name]
	if !ok || len(call.Args) <= fi {
		return
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || !c.isPackage(pkg, "fmt") {
		return
	}
	lit, ok := call.Args[fi].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	format, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	args := call.Args[fi+1:]
	var out strings.Builder
	changed := false
	n := 0 // the operand of the next verb
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			out.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0", format[j]) >= 0 {
			j++
		}
		for j < len(format) && (format[j] >= '0' && format[j] <= '9' || format[j] == '.') {
			j++
		}
		if j >= len(format) || format[j] == '*' || format[j] == '[' {
			return // operands given by index or width: left as they are
		}
		spec, verb := format[i:j], format[j]
		i = j
		if verb == '%' {
			out.WriteString(spec + "%")
			continue
		}
		if n >= len(args) {
			return
		}
		arg := args[n]
		n++
		if repl := c.formatOperand(arg, verb, strings.Contains(spec, "#")); repl != "" {
			out.WriteString(strings.Replace(spec, "#", "", 1) + "s")
			changed = true
			c.w.add(c.off(arg.Pos()), c.off(arg.End()), func(w *rewriter) string { return strings.Replace(repl, "\x00", c.render(arg), 1) })
			continue
		}
		out.WriteString(spec + string(verb))
	}
	if changed {
		c.w.replace(c.off(lit.Pos()), c.off(lit.End()), strconv.Quote(out.String()))
	}
}

// formatOperand returns what prints operand x of verb %T or %#v as a
// string (\x00 stands for x), or "" to leave it.
func (c *compiler) formatOperand(x ast.Expr, verb byte, sharp bool) string {
	if verb != 'T' && !(verb == 'v' && sharp) {
		return ""
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil || types.IsInterface(t) {
		return ""
	}
	if verb == 'T' {
		name := goTypeName(t)
		if name == "" || !mentionsCellType(t) {
			return ""
		}
		if isPath(x) || isLiteral(x) {
			return strconv.Quote(name)
		}
		return RuntimeName + ".TypeName(" + strconv.Quote(name) + ", \x00)"
	}
	name := goTypeName(t)
	if name == "" || !mentionsCellType(t) {
		return ""
	}
	b := RuntimeName + ".GoSyntax(\x00, " + strconv.Quote(name)
	for _, n := range cellStructs(t, map[types.Type]bool{}) {
		ts := c.types.TypeString(n)
		if ts == "" || goTypeName(n) == "" {
			return ""
		}
		b += ", " + strconv.Quote(goTypeName(n)) + ", *new(" + ts + ")"
	}
	return b + ")"
}

// goTypeName is t as reflect and %T write it (main.Pair[string,int],
// uint8 for byte), or "" for the types whose literals reflect writes
// otherwise (struct, interface).
func goTypeName(t types.Type) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		s := t.Obj().Name()
		if p := t.Obj().Pkg(); p != nil {
			s = p.Name() + "." + s
		}
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			var as []string
			for i := 0; i < args.Len(); i++ {
				a := goTypeName(args.At(i))
				if a == "" {
					return ""
				}
				as = append(as, a)
			}
			s += "[" + strings.Join(as, ",") + "]"
		}
		return s
	case *types.Basic:
		switch {
		case t.Info()&types.IsUntyped != 0:
			return ""
		case t.Kind() == types.Byte:
			return "uint8"
		case t.Kind() == types.Rune:
			return "int32"
		}
		return t.Name()
	case *types.Pointer:
		return prefixed("*", t.Elem())
	case *types.Slice:
		return prefixed("[]", t.Elem())
	case *types.Array:
		return prefixed("["+strconv.FormatInt(t.Len(), 10)+"]", t.Elem())
	case *types.Map:
		if k := goTypeName(t.Key()); k != "" {
			return prefixed("map["+k+"]", t.Elem())
		}
	case *types.Chan:
		return prefixed(map[types.ChanDir]string{types.SendRecv: "chan ", types.SendOnly: "chan<- ", types.RecvOnly: "<-chan "}[t.Dir()], t.Elem())
	case *types.Signature:
		list := func(tu *types.Tuple, variadic bool) (string, bool) {
			var ns []string
			for i := 0; i < tu.Len(); i++ {
				t := tu.At(i).Type()
				pre := ""
				if variadic && i == tu.Len()-1 {
					t, pre = t.(*types.Slice).Elem(), "..."
				}
				n := goTypeName(t)
				if n == "" {
					return "", false
				}
				ns = append(ns, pre+n)
			}
			return strings.Join(ns, ", "), true
		}
		ps, ok1 := list(t.Params(), t.Variadic())
		rs, ok2 := list(t.Results(), false)
		if !ok1 || !ok2 || t.TypeParams() != nil {
			return ""
		}
		s := "func(" + ps + ")"
		if t.Results().Len() == 1 {
			s += " " + rs
		} else if t.Results().Len() > 1 {
			s += " (" + rs + ")"
		}
		return s
	}
	return ""
}

// prefixed is goTypeName of elem after prefix, or "".
func prefixed(prefix string, elem types.Type) string {
	if e := goTypeName(elem); e != "" {
		return prefix + e
	}
	return ""
}

// mentionsCellType reports whether t names a type of the cells.
func mentionsCellType(t types.Type) bool {
	return strings.Contains(types.TypeString(t, func(p *types.Package) string { return p.Path() }), "main.")
}

// cellStructs returns the named struct types of the cells inside t.
func cellStructs(t types.Type, seen map[types.Type]bool) []*types.Named {
	if seen[t] {
		return nil
	}
	seen[t] = true
	var out []*types.Named
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
		if _, isStruct := n.Underlying().(*types.Struct); isStruct {
			out = append(out, n)
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		out = append(out, cellStructs(u.Elem(), seen)...)
	case *types.Slice:
		out = append(out, cellStructs(u.Elem(), seen)...)
	case *types.Array:
		out = append(out, cellStructs(u.Elem(), seen)...)
	case *types.Map:
		out = append(out, cellStructs(u.Key(), seen)...)
		out = append(out, cellStructs(u.Elem(), seen)...)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			out = append(out, cellStructs(u.Field(i).Type(), seen)...)
		}
	}
	return out
}

// isPackage reports whether id names the imported package path.
func (c *compiler) isPackage(id *ast.Ident, path string) bool {
	pn, ok := c.types.Use(c.off(id.Pos())).(*types.PkgName)
	return ok && pn.Imported().Path() == path
}
