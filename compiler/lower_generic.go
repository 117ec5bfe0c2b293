package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
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
