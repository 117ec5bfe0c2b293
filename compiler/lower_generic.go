package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/stdlib/generic"
	"regexp"
	"strconv"
	"strings"
)

// genericPackages are the standard packages whose generic functions cells
// call through compiled instantiations (package stdlib/generic).
var genericPackages = map[string]bool{"slices": true, "maps": true, "cmp": true}

// genericCall rewrites a use of a generic function of slices, maps or cmp,
// x (a selector, or a selector with type arguments), into its compiled
// instantiation for the type arguments the checker found; a type argument
// without one is refused clearly. It reports whether x was such a use.
func (c *compiler) genericCall(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		switch ix := x.(type) {
		case *ast.IndexExpr:
			sel, ok = ix.X.(*ast.SelectorExpr)
		case *ast.IndexListExpr:
			sel, ok = ix.X.(*ast.SelectorExpr)
		}
		if !ok {
			return false
		}
	}
	obj := c.types.Use(c.off(sel.Sel.Pos()))
	var fn types.Object // a generic function, or a generic type of a module
	switch o := obj.(type) {
	case *types.Func:
		if o.Type().(*types.Signature).TypeParams().Len() > 0 {
			fn = o
		}
	case *types.TypeName:
		if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 && o.Pkg() != nil && generic.Added(o.Pkg().Path()) {
			fn = o
		}
	}
	if fn == nil || fn.Pkg() == nil || !(genericPackages[fn.Pkg().Path()] || generic.Added(fn.Pkg().Path())) {
		return false
	}
	inst, ok := c.types.Instance(c.off(sel.Sel.Pos()))
	if !ok {
		return false
	}
	var shown []string
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		shown = append(shown, types.TypeString(inst.TypeArgs.At(i), func(p *types.Package) string {
			if p.Path() == "main" {
				return ""
			}
			return p.Name()
		}))
	}
	ident := generic.Ident(InstanceKey(fn, inst.TypeArgs))
	if ident == "" && !genericPackages[fn.Pkg().Path()] {
		c.errorAt(c.off(sel.Pos()), "%s.%s for %s was not instantiated", fn.Pkg().Name(), fn.Name(), strings.Join(shown, ", "))
		return true
	}
	if ident == "" {
		var targs []string
		for i := range inst.TypeArgs.Len() {
			targs = append(targs, c.types.TypeString(inst.TypeArgs.At(i)))
		}
		if src := generic.Specialized(fn.Pkg().Path()+"."+fn.Name(), targs); src != "" {
			c.w.Replace(c.off(x.Pos()), c.off(x.End()), src)
			c.genericDone[sel] = true
			return true
		}
	}
	if ident == "" {
		c.errorAt(c.off(sel.Pos()), "%s.%s for %s is not available in the interpreter: the generic functions of slices, maps and cmp run on slices and maps of builtin types (int, float64, string, any...)%s",
			fn.Pkg().Name(), fn.Name(), strings.Join(shown, ", "), OrCompile)
		return true
	}
	c.w.Replace(c.off(x.Pos()), c.off(x.End()), generic.Name+"."+ident)
	c.genericDone[sel] = true
	return true
}

// InstanceKey returns the key of package generic (generic.Ident) of the
// instantiation of the generic function (or type, of a module) fn with
// type arguments targs: "slices.Sort[[]int, int]".
func InstanceKey(fn types.Object, targs *types.TypeList) string {
	var args []string
	for i := 0; i < targs.Len(); i++ {
		args = append(args, canonical(types.TypeString(targs.At(i), func(p *types.Package) string { return p.Path() })))
	}
	return fn.Pkg().Path() + "." + fn.Name() + "[" + strings.Join(args, ", ") + "]"
}

// byteRune matches the alias names of uint8 and int32, which the keys of
// stdlib/generic spell by their kind.
var byteRune = regexp.MustCompile(`\b(byte|rune)\b`)

// canonical spells byte and rune as uint8 and int32.
func canonical(s string) string {
	return byteRune.ReplaceAllStringFunc(s, func(m string) string {
		if m == "byte" {
			return "uint8"
		}
		return "int32"
	})
}

// constValues rewrites a const declaration with the values and types the
// checker computed (iota and implicit repetition resolved): yaegi reports
// "constant definition loop" for typed constants repeated with iota
// (KB ByteSize = 1 << (10 * iota); MB; GB).
func (c *compiler) constValues(gd *ast.GenDecl) {
	if gd.Tok != token.CONST {
		return
	}
	var specs []string
	for _, sp := range gd.Specs {
		vs := sp.(*ast.ValueSpec)
		for _, id := range vs.Names {
			if id.Name == "_" {
				continue
			}
			obj, ok := c.types.Def(c.off(id.Pos())).(*types.Const)
			if !ok {
				return
			}
			v := ConstLiteral(obj.Val(), obj.Type())
			if v == "" {
				return
			}
			if b, isBasic := obj.Type().(*types.Basic); isBasic && b.Info()&types.IsUntyped != 0 {
				specs = append(specs, id.Name+" = "+v)
				continue
			}
			t := c.types.TypeString(obj.Type())
			if t == "" {
				return
			}
			specs = append(specs, id.Name+" "+t+" = "+v)
		}
	}
	if len(specs) == 0 {
		c.w.Replace(c.off(gd.Pos()), c.off(gd.End()), "const ()")
		return
	}
	c.w.Add(c.off(gd.Pos()), c.off(gd.End()), func(w *cellsrc.Rewriter) string {
		// Each constant keeps its cell position in messages.
		var b strings.Builder
		b.WriteString("const (")
		i := 0
		for _, sp := range gd.Specs {
			for _, id := range sp.(*ast.ValueSpec).Names {
				if id.Name == "_" {
					continue
				}
				b.WriteString(w.Directive(c.off(id.Pos())) + specs[i] + "; ")
				i++
			}
		}
		b.WriteString(")")
		return b.String()
	})
}

// ConstLiteral writes val, the exact value of a constant of type t, as Go
// source, or "": an untyped constant keeps its kind (a rune stays a rune, a
// float with an integer value a float, a complex value a complex).
func ConstLiteral(val constant.Value, t types.Type) string {
	kind := types.Invalid
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		kind = b.Kind()
	}
	switch val.Kind() {
	case constant.Bool, constant.String, constant.Int:
		switch kind {
		case types.UntypedRune:
			if r, exact := constant.Int64Val(val); exact && r >= 0 && r <= 0x10FFFF {
				return strconv.QuoteRune(rune(r))
			}
			return "('\\x00' + " + val.ExactString() + ")"
		case types.UntypedFloat:
			return val.ExactString() + ".0" // min(1, 2.5) is an untyped float
		case types.UntypedComplex:
			return "(" + val.ExactString() + " + 0i)"
		}
		return val.ExactString()
	case constant.Float:
		s := val.ExactString()
		if num, den, ok := strings.Cut(s, "/"); ok {
			s = "(" + num + ".0/" + den + ")"
		} else if !strings.ContainsAny(s, ".eE") {
			s += ".0" // stays an untyped float
		}
		if kind == types.UntypedComplex {
			return "(" + s + " + 0i)"
		}
		return s
	case constant.Complex:
		// An imaginary literal, not complex(re, im): yaegi folds the
		// builtin into a complex128 it then takes for an untyped constant
		// ("complex128 is not constant.Value" in c/complex(0, 1)).
		re, im := constLiteralOf(constant.Real(val)), constLiteralOf(constant.Imag(val))
		if strings.HasPrefix(im, "(") {
			return "(" + re + " + " + im + "*1i)"
		}
		return "(" + re + " + " + im + "i)"
	}
	return ""
}

func constLiteralOf(v constant.Value) string {
	s := v.ExactString()
	if num, den, ok := strings.Cut(s, "/"); ok {
		return "(" + num + ".0/" + den + ")"
	}
	return s
}

// yaegi folds the builtins complex, real and imag of constants into
// values of Go's types that it still takes for untyped constants, and it
// gives the untyped constant of a non-constant shift (1 << i) the type
// int whatever the shift's context ("reflect: call of reflect.Value.Uint
// on int Value" in p&(1<<i), p a uint8 flag type). The checker knows the
// exact value and the type of every constant expression:
//
//   - a constant expression that is complex, shifts (var g float64 =
//     1 << 3 >> 1: "shift of type float64"), or calls complex, real or
//     imag, is written as its value, converted to its type when it has
//     one (complex128((4 + -3i)), float64(4));
//   - the untyped constant operand of a non-constant shift is converted
//     to the type the checker gave it (Perm(1) << i).

// constExpr rewrites x if it is a constant expression yaegi computes
// wrongly, and reports whether it did (x is then replaced whole).
func (c *compiler) constExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.SHL || x.Op == token.SHR {
			c.shiftOperand(x)
		}
	case *ast.UnaryExpr, *ast.CallExpr, *ast.ParenExpr, *ast.Ident, *ast.SelectorExpr:
	default:
		return false
	}
	start, end := c.off(x.Pos()), c.off(x.End())
	val := c.types.ExprValue(start, end)
	if val == nil || (val.Kind() != constant.Complex && !c.foldsWrongly(x)) {
		return false
	}
	t := c.types.ExprType(start, end)
	if t == nil {
		return false
	}
	lit := ConstLiteral(val, t)
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		ts := c.types.TypeString(t)
		if ts == "" || lit == "" {
			return false
		}
		lit = ts + "(" + lit + ")"
	} else if lit == "" {
		return false
	} else if strings.HasPrefix(lit, "-") {
		lit = "(" + lit + ")"
	}
	c.w.Replace(start, end, lit)
	return true
}

// foldsWrongly reports whether the constant expression x shifts, divides
// integer constants, or calls the builtin complex, real or imag.
func (c *compiler) foldsWrongly(x ast.Expr) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.SHL || n.Op == token.SHR || n.Op == token.QUO && c.intConst(n.X) && c.intConst(n.Y) {
				found = true // var r float64 = 3 / 2 is 1 in Go, 1.5 in yaegi
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if _, builtin := c.types.Use(c.off(id.Pos())).(*types.Builtin); builtin && (id.Name == "complex" || id.Name == "real" || id.Name == "imag") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// intConst reports whether x is a constant of an integer value written
// without a type (3, 'a', 1 << 2): its division truncates.
func (c *compiler) intConst(x ast.Expr) bool {
	v := c.types.ExprValue(c.off(x.Pos()), c.off(x.End()))
	return v != nil && v.Kind() == constant.Int && c.untypedConst(ast.Unparen(x))
}

// untypedConst reports whether x is written as an untyped constant
// expression (the checker records the type it converts it to).
func (c *compiler) untypedConst(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return c.untypedConst(x.X)
	case *ast.UnaryExpr:
		return c.untypedConst(x.X)
	case *ast.BinaryExpr:
		if x.Op == token.SHL || x.Op == token.SHR {
			return c.untypedConst(x.X)
		}
		return c.untypedConst(x.X) && c.untypedConst(x.Y)
	case *ast.Ident, *ast.SelectorExpr:
		id, ok := x.(*ast.Ident)
		if !ok {
			id = x.(*ast.SelectorExpr).Sel
		}
		k, ok := c.types.Use(c.off(id.Pos())).(*types.Const)
		if !ok {
			return false
		}
		b, ok := k.Type().(*types.Basic)
		return ok && b.Info()&types.IsUntyped != 0
	}
	return false
}

// shiftOperand converts the untyped constant operand of the non-constant
// shift x to the type the checker gave it.
func (c *compiler) shiftOperand(x *ast.BinaryExpr) {
	if c.types.ExprValue(c.off(x.Pos()), c.off(x.End())) != nil {
		return // a constant shift
	}
	start, end := c.off(x.X.Pos()), c.off(x.X.End())
	t := c.types.ExprType(start, end)
	if t == nil || !c.untypedConst(x.X) {
		return
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		// A shift count (b >> (1 << i)): the checker leaves the operand
		// untyped, Go makes it an int.
		if b.Kind() != types.UntypedInt && b.Kind() != types.UntypedRune {
			return
		}
		t = types.Typ[types.Int]
	}
	if ts := c.types.TypeString(t); ts != "" {
		c.w.Insert(start, ts+"(")
		c.w.Insert(end, ")")
	}
}

// The names of types as reflect and fmt's %T write them, used by the
// lowerings that print types or compare them at run time.

// yaegi leaves the methods promoted from an embedded type of a compiled
// package (strings.Builder in struct{ strings.Builder }) out of the method
// sets it checks interfaces against ("cannot use type *rw as type
// io.Writer"). A package-level struct type of the cells declared alone
// gets them as methods of its own that call the embedded field's:
//
//	func (__gkr *rw) Write(p0 []byte) (int, error) { return __gkr.Builder.Write(p0) }

// forwardPromoted declares the methods the struct type of gd promotes
// from embedded types of compiled packages.
func (c *compiler) forwardPromoted(gd *ast.GenDecl) {
	if gd.Tok != token.TYPE || gd.Lparen.IsValid() || len(gd.Specs) != 1 {
		return
	}
	ts := gd.Specs[0].(*ast.TypeSpec)
	tn, ok := c.types.Def(c.off(ts.Name.Pos())).(*types.TypeName)
	if !ok || tn.IsAlias() || tn.Pkg() == nil || tn.Parent() != tn.Pkg().Scope() {
		return
	}
	named, ok := tn.Type().(*types.Named)
	st, isStruct := tn.Type().Underlying().(*types.Struct)
	if !ok || !isStruct || named.TypeParams() != nil {
		return
	}
	var b strings.Builder
	value, ptr := types.NewMethodSet(named), types.NewMethodSet(types.NewPointer(named))
	for i := 0; i < ptr.Len(); i++ {
		sel := ptr.At(i)
		fn := sel.Obj().(*types.Func)
		if len(sel.Index()) != 2 {
			continue
		}
		// from an embedded interface of the cells too: yaegi left them out
		// ("impossible type assertion: Labeled does not implement Shape")
		field := st.Field(sel.Index()[0])
		cellIface := types.IsInterface(field.Type()) && celltype.Mentions(field.Type())
		if !field.Embedded() || celltype.Mentions(field.Type()) && !cellIface || !fn.Exported() && !cellIface {
			continue
		}
		recv := "*" + tn.Name()
		if value.Lookup(fn.Pkg(), fn.Name()) != nil {
			recv = tn.Name()
		}
		b.WriteString(c.forwarder(recv, st.Field(sel.Index()[0]).Name(), fn))
	}
	c.w.Insert(c.off(gd.End()), b.String())
}

// forwarder returns the declaration of method fn of recv that calls the
// embedded field's, or "" if a type of its signature cannot be written.
func (c *compiler) forwarder(recv, field string, fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	var params, args, results []string
	for i := 0; i < sig.Params().Len(); i++ {
		t, dots := sig.Params().At(i).Type(), ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t, dots = t.(*types.Slice).Elem(), "..."
		}
		ts := c.types.TypeString(t)
		if ts == "" {
			return ""
		}
		p := "p" + strconv.Itoa(i)
		params, args = append(params, p+" "+dots+ts), append(args, p+dots)
	}
	for i := 0; i < sig.Results().Len(); i++ {
		ts := c.types.TypeString(sig.Results().At(i).Type())
		if ts == "" {
			return ""
		}
		results = append(results, ts)
	}
	call := "__gkr." + field + "." + fn.Name() + "(" + strings.Join(args, ", ") + ")"
	res := ""
	if len(results) > 0 {
		call, res = "return "+call, " ("+strings.Join(results, ", ")+")"
	}
	return "\nfunc (__gkr " + recv + ") " + fn.Name() + "(" + strings.Join(params, ", ") + ")" + res + " { " + call + " }"
}

// runeLiterals writes the rune literals among the values of a top-level
// define as rune('A'): yaegi gives a global defined from one the type int.
func runeLiterals(w *cellsrc.Rewriter, p *cellsrc.Cell, values []ast.Expr) {
	for _, x := range values {
		if lit, ok := ast.Unparen(x).(*ast.BasicLit); ok && lit.Kind == token.CHAR {
			w.Insert(p.Off(x.Pos()), "rune(")
			w.Insert(p.Off(x.End()), ")")
		}
	}
}

// valueLit returns the only value of vs if it is a literal.
func valueLit(vs *ast.ValueSpec) (*ast.BasicLit, bool) {
	if len(vs.Values) != 1 {
		return nil, false
	}
	l, ok := ast.Unparen(vs.Values[0]).(*ast.BasicLit)
	return l, ok
}

// typedVarCalls writes var x T = v, a local declaration of one variable
// with a type whose value calls a generic function of the cells, as var
// x T; x = v: yaegi left x at its zero value when the declaration was not
// the function's first statement and the call instantiated the function
// (var total int = Sum(xs) was 0).
func (c *compiler) typedVarCalls(ds *ast.DeclStmt) {
	gd, ok := ds.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 || gd.Lparen.IsValid() {
		return
	}
	vs := gd.Specs[0].(*ast.ValueSpec)
	if vs.Type == nil || len(vs.Names) != 1 || len(vs.Values) != 1 || vs.Names[0].Name == "_" || !c.callsGeneric(vs.Values[0]) {
		return
	}
	name, typ, val := vs.Names[0], vs.Type, vs.Values[0]
	c.w.Add(c.off(ds.Pos()), c.off(ds.End()), func(*cellsrc.Rewriter) string {
		return "var " + c.render(name) + " " + c.render(typ) + "; " + name.Name + " = " + c.render(val)
	})
}

// noteInstance records x, an explicit instantiation F[T], as the value of
// its name (genericFuncValue).
func (c *compiler) noteInstance(x ast.Expr) {
	var f ast.Expr
	switch x := x.(type) {
	case *ast.IndexExpr:
		f = x.X
	case *ast.IndexListExpr:
		f = x.X
	}
	if id, ok := ast.Unparen(f).(*ast.Ident); ok {
		c.instanceOf[id] = x
	}
}

// genericFuncValue writes id, a generic function of the cells used as a
// value rather than called (toUpper := Map[string, string], apply(Max, 4,
// 2)), as a function literal calling the instance the checker inferred:
// yaegi refused such a value ("not a generic type"). It reports whether it
// did.
func (c *compiler) genericFuncValue(id *ast.Ident) bool {
	fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func)
	if !ok || !c.cellObject(id) || fn.Signature().Recv() != nil || fn.Signature().TypeParams().Len() == 0 {
		return false
	}
	// a variadic one is declared with a slice parameter (checkVariadicGeneric):
	// the literal is variadic and passes the slice on
	variadic := celltype.VariadicGeneric(fn)
	if variadic && c.variadicCalled[id] {
		return false
	}
	var x ast.Expr = id
	if ix := c.instanceOf[id]; ix != nil {
		x = ix
	}
	inst, ok := c.types.Instance(c.off(id.Pos()))
	sig, isSig := inst.Type.(*types.Signature)
	if c.calledFuncs[x] || !ok || !isSig || sig.Variadic() != variadic {
		return false
	}
	targs, ok := c.typeArgStrings(inst.TypeArgs, 0)
	if !ok {
		return false
	}
	var params, args, results []string
	for i := 0; i < sig.Params().Len(); i++ {
		ts := c.types.TypeString(sig.Params().At(i).Type())
		if ts == "" {
			return false
		}
		p := "__gkg" + strconv.Itoa(i)
		if variadic && i == sig.Params().Len()-1 {
			if ts = c.types.TypeString(sig.Params().At(i).Type().(*types.Slice).Elem()); ts == "" {
				return false
			}
			ts = "..." + ts
		}
		params, args = append(params, p+" "+ts), append(args, p)
	}
	for i := 0; i < sig.Results().Len(); i++ {
		ts := c.types.TypeString(sig.Results().At(i).Type())
		if ts == "" {
			return false
		}
		results = append(results, ts)
	}
	call := id.Name + "[" + strings.Join(targs, ", ") + "](" + strings.Join(args, ", ") + ")"
	res := ""
	switch len(results) {
	case 0:
	case 1:
		res, call = " "+results[0], "return "+call
	default:
		res, call = " ("+strings.Join(results, ", ")+")", "return "+call
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "func(" + strings.Join(params, ", ") + ")" + res + " { " + call + " }"
	})
	return true
}
