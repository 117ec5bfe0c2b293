package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"gokernel/interpvalue"
	"slices"
	"strconv"
	"strings"
)

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
	fi, ok := fmtFormats[c.fmtName(sel)]
	if !ok || len(call.Args) <= fi {
		return
	}
	if call.Ellipsis.IsValid() { // fmt.Sprintf(format, args...): a []any
		c.fmtAny(call.Args[len(call.Args)-1], "", ".([]any)")
		return
	}
	lit, ok := call.Args[fi].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		// a format not known here: errors of the cells go to fmt as
		// errors, in the session's wrapper, which formats every verb as
		// Go does (yaegi gave fmt their bare values: Error was not called)
		for _, arg := range call.Args[fi+1:] {
			c.boxAs(arg, "error") // only the cells' values that are errors
		}
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
		if verb != 'T' && verb != 'p' && (c.formatterOperand(arg) || c.paramOperand(arg, verb)) {
			out.WriteString(spec + string(verb))
			continue
		}
		if verb != 'T' && verb != 'p' && !strings.Contains(spec, "#") && c.fmtOperand(arg, spec) {
			out.WriteString(spec + string(verb)) // of a type holding interfaces
			continue
		}
		if strings.IndexByte("vsqxX", verb) >= 0 && !strings.Contains(spec, "#") && c.stringOperand(arg, verb, strings.Contains(spec, "+")) {
			out.WriteString(spec + string(verb))
			continue
		}
		if verb == 'w' {
			c.boxAs(arg, "error")
			out.WriteString(spec + "w")
			continue
		}
		if strings.IndexByte("vTp", verb) < 0 {
			c.plainOperand(arg) // %d of a Stringer: its value
			if conv := celltype.FormatElemsCopy(c.types.ExprType(c.off(arg.Pos()), c.off(arg.End())), c.types.TypeString, RuntimeName, false); conv != nil {
				c.w.Add(c.off(arg.Pos()), c.off(arg.End()), func(*cellsrc.Rewriter) string { return conv(c.render(arg)) })
			}
		}
		if repl := c.formatOperand(arg, verb, spec); repl != "" {
			out.WriteString(strings.NewReplacer("#", "", "+", "").Replace(spec) + "s")
			changed = true
			c.w.Add(c.off(arg.Pos()), c.off(arg.End()), func(w *cellsrc.Rewriter) string { return strings.Replace(repl, "\x00", c.render(arg), 1) })
			continue
		}
		out.WriteString(spec + string(verb))
	}
	if changed {
		c.w.Replace(c.off(lit.Pos()), c.off(lit.End()), strconv.Quote(out.String()))
	}
}

// formatOperand returns what prints operand x of verb %T or %#v as a
// string (\x00 stands for x), or "" to leave it.
func (c *compiler) formatOperand(x ast.Expr, verb byte, spec string) string {
	sharp, plus := strings.Contains(spec, "#"), strings.Contains(spec, "+")
	if verb != 'T' && !(verb == 'v' && (sharp || plus)) {
		return ""
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t != nil && verb == 'v' && celltype.HasMethod(types.NewMethodSet(t), "Format") {
		return "" // fmt calls it for every verb: yaegi's wrapper has it
	}
	if _, param := types.Unalias(t).(*types.TypeParam); param && verb == 'T' {
		// its type argument's name, as for an any holding it
		return strings.Replace(c.dynamicTypeName(types.Universe.Lookup("any").Type()), "\x00", "[]any{\x00}[0]", 1)
	}
	if t != nil && verb == 'T' && types.IsInterface(t) {
		return c.dynamicTypeName(t)
	}
	if t != nil && types.IsInterface(t) && verb == 'v' {
		// yaegi's struct types have no names and its unexported fields
		// an X: named at run time (interpvalue/names.go)
		if sharp {
			return "func(v any) string { return " + RuntimeName + ".GoSyntaxOf(&v) }(\x00)"
		}
		return "__gkfmt.Sprintf(\"%+v\", " + RuntimeName + ".Names(\x00))"
	}
	if t == nil || types.IsInterface(t) {
		return ""
	}
	// yaegi exports the unexported fields of structs with an X: %+v and
	// %#v print Xname:, which cellrt.FieldNames gives back their names.
	var fields []string
	for _, f := range celltype.UnexportedFields(t, map[types.Type]bool{}) {
		fields = append(fields, strconv.Quote(f))
	}
	if celltype.HoldsInterface(t, 0) && len(fields) > 0 && c.types.Scope() != nil {
		// and of the cells' types whose values it may hold
		for _, name := range c.scopeNames() {
			if tn, ok := c.types.Scope().Lookup(name).(*types.TypeName); ok && !types.IsInterface(tn.Type()) {
				for _, f := range celltype.UnexportedFields(tn.Type(), map[types.Type]bool{}) {
					if q := strconv.Quote(f); !slices.Contains(fields, q) {
						fields = append(fields, q)
					}
				}
			}
		}
	}
	names := func(s string) string {
		if len(fields) == 0 {
			return s
		}
		return RuntimeName + ".FieldNames(" + s + ", " + strings.Join(fields, ", ") + ")"
	}
	if verb == 'v' && !sharp {
		if len(fields) == 0 {
			return ""
		}
		if u := c.types.TypeString(t.Underlying()); celltype.PointerStringer(t) && u != "" {
			if conv := c.nestedCode(t.Underlying(), 'v'); conv != nil {
				return names("__gkfmt.Sprintf(\"%+v\", " + conv("("+u+")(\x00)") + ")")
			}
			return names("__gkfmt.Sprintf(\"%+v\", (" + u + ")(\x00))") // see stringOperand
		}
		if conv := c.nestedCode(t, 'v'); conv != nil {
			return names("__gkfmt.Sprintf(\"%+v\", " + conv("\x00") + ")")
		}
		if celltype.HoldsInterface(t, 0) { // yaegi's wrappers in it: see anyElems
			return names("__gkfmt.Sprintf(\"%+v\", " + RuntimeName + ".FmtAny(\x00))")
		}
		return names("__gkfmt.Sprintf(\"%+v\", \x00)")
	}
	if verb == 'T' {
		name := celltype.GoName(t)
		if name == "" || !celltype.Mentions(t) && !celltype.MentionsSource(t) && !celltype.MentionsInstance(t) {
			return ""
		}
		if cellsrc.IsPath(x) || isLiteral(x) {
			return strconv.Quote(name)
		}
		return RuntimeName + ".TypeName(" + strconv.Quote(name) + ", \x00)"
	}
	if ms := types.NewMethodSet(t); celltype.StringMethod(ms, "GoString") != nil && !celltype.HasMethod(ms, "Format") {
		// fmt calls GoString for %#v: yaegi's types do not have it.
		if ts := c.types.TypeString(t); ts != "" {
			return c.methodString(t, ts, "GoString").conv("\x00")
		}
		return ""
	}
	name := celltype.GoName(t)
	if conv := celltype.FormatElemsCopy(t, c.types.TypeString, RuntimeName, true); conv != nil && name != "" {
		return RuntimeName + ".GoSyntax(" + conv("\x00") + ", " + strconv.Quote(name) + ")"
	}
	if (name == "" || !celltype.Mentions(t)) && celltype.HoldsInterface(t, 0) {
		// values of the cells' types in it: named at run time
		return names("func(v any) string { return " + RuntimeName + ".GoSyntaxOf(&v) }(\x00)")
	}
	if name == "" || !celltype.Mentions(t) {
		return ""
	}
	arg := "\x00"
	if ms := types.NewMethodSet(t); celltype.StringMethod(ms, "Error") != nil || celltype.StringMethod(ms, "String") != nil || celltype.PointerStringer(t) {
		// yaegi would give fmt a wrapper of the value: its underlying
		// value instead.
		if _, ptr := t.Underlying().(*types.Pointer); ptr {
			return ""
		}
		u := c.types.TypeString(t.Underlying())
		if u == "" {
			return ""
		}
		arg = "(" + u + ")(\x00)"
	}
	b := RuntimeName + ".GoSyntax(" + arg + ", " + strconv.Quote(name)
	for _, n := range celltype.Structs(t, map[types.Type]bool{}) {
		ts := c.types.TypeString(n)
		if ts == "" || celltype.GoName(n) == "" {
			return ""
		}
		b += ", " + strconv.Quote(celltype.GoName(n)) + ", *new(" + ts + ")"
	}
	return names(b + ")")
}

// fmt does not see the String and Error methods of the cells' types on
// every value yaegi gives it (a pointer type's String, Error before String,
// a method panicking inside reflect). The operands of fmt's print
// functions whose static type is a type of the cells with an Error() string
// or String() string method (Error first, as fmt) are converted by calling
// it, for the verbs that use it (v without #, s, q, x, X; every operand of
// Println, Sprintln, Fprintln, and the only operand of Print, Sprint,
// Fprint). A nil pointer prints <nil>, as fmt does when the method panics
// on it. Types with a Format method, and values inside structs, slices or
// maps, are left as they are.

// fmtPrints are the functions of fmt without a format, and where their
// operands start.
var fmtPrints = map[string]int{"Println": 0, "Sprintln": 0, "Fprintln": 1, "Print": 0, "Sprint": 0, "Fprint": 1}

// logPrints are the functions and Logger methods of package log, by the
// function of fmt that formats their operands.
var logPrints = map[string]string{"Print": "Print", "Println": "Println", "Printf": "Printf", "Fatal": "Print", "Fatalln": "Println", "Fatalf": "Printf", "Panic": "Print", "Panicln": "Println", "Panicf": "Printf"}

// fmtName returns the name of the function of fmt sel calls, or whose
// formatting a function or Logger method of log sel calls uses (Fatalf:
// Printf); "" for other calls.
func (c *compiler) fmtName(sel *ast.SelectorExpr) string {
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	switch fn.Pkg().Path() {
	case "fmt":
		if fn.Type().(*types.Signature).Recv() == nil {
			return fn.Name()
		}
	case "log":
		return logPrints[fn.Name()]
	}
	return ""
}

// lowerStringers rewrites the operands of a call of fmt's print functions
// that have String or Error methods of the cells.
func (c *compiler) lowerStringers(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	name := c.fmtName(sel)
	from, ok := fmtPrints[name]
	if !ok || len(call.Args) <= from {
		return
	}
	if call.Ellipsis.IsValid() { // fmt.Println(a...): a []any
		c.fmtAny(call.Args[len(call.Args)-1], "", ".([]any)")
		return
	}
	// Print puts spaces between operands that are not strings: with
	// several, only conversions that keep the operand's kind.
	single := strings.HasSuffix(name, "ln") || len(call.Args) == from+1
	for _, a := range call.Args[from:] {
		if c.formatterOperand(a) || c.paramOperand(a, 'v') || c.anyElems(a) {
			continue
		}
		if single {
			c.stringOperand(a, 'v', false)
		} else if c.printsText(a) {
			// Print puts spaces between operands that are not strings:
			// the method's result is given as a value that is not one
			// (added first: the outer edit)
			c.w.Add(c.off(a.Pos()), c.off(a.End()), func(*cellsrc.Rewriter) string { return RuntimeName + ".Printed(" + c.render(a) + ")" })
			c.stringOperand(a, 'v', false)
		} else {
			c.nestedOperand(a, 'v')
		}
	}
}

// formatterOperand rewrites x, an operand of fmt whose type is a type of
// the cells (not a pointer) with a Format method, when it is not a
// variable or a field, as a value of fmt.Formatter: yaegi gave fmt the
// bare result of a call (fmt.Printf("%#v", m.T()) printed the
// [][]float64 without calling Format). It reports whether it did.
func (c *compiler) formatterOperand(x ast.Expr) bool {
	if cellsrc.IsPath(x) {
		return false
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil || types.IsInterface(t) || !celltype.Mentions(t) || !celltype.HasMethod(types.NewMethodSet(t), "Format") {
		return false
	}
	if _, ptr := t.Underlying().(*types.Pointer); ptr {
		return false // stringOperand
	}
	ts := c.types.TypeString(t)
	if ts == "" {
		return false
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "func(v " + ts + ") __gkfmt.Formatter { return v }(" + c.render(x) + ")"
	})
	return true
}

// paramOperand rewrites x, an operand of fmt of a type parameter's type
// (or, for %v, a slice of one), as values in an any: the type argument
// may be a type of the cells with methods, which yaegi's instance gave
// fmt bare (fmt.Sprint(v) of a Money printed 3, not its String's $3); in
// an any, yaegi keeps them, and FmtAny gives fmt what calls them. It
// reports whether it did.
func (c *compiler) paramOperand(x ast.Expr, verb byte) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	if _, param := types.Unalias(t).(*types.TypeParam); param {
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return RuntimeName + ".FmtAny([]any{" + c.render(x) + "}[0])"
		})
		return true
	}
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok || verb != 'v' {
		return false
	}
	if _, param := types.Unalias(s.Elem()).(*types.TypeParam); !param {
		return false
	}
	ts := c.types.TypeString(t)
	if ts == "" {
		return false
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "func(s " + ts + ") any { if s == nil { return s }; r := make([]any, len(s)); for i := range s { r[i] = []any{s[i]}[0] }; return " + RuntimeName + ".FmtAny(r) }(" + c.render(x) + ")"
	})
	return true
}

// printsText reports whether x, an operand of fmt.Print among others, is
// of a type of the cells (not an interface, nor of a string kind) that
// fmt prints with its String or Error method.
func (c *compiler) printsText(x ast.Expr) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil || types.IsInterface(t) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return false
	}
	ms := types.NewMethodSet(t)
	return !celltype.HasMethod(ms, "Format") && (celltype.StringMethod(ms, "Error") != nil || celltype.StringMethod(ms, "String") != nil)
}

// stringOperand rewrites x, an operand of fmt formatted with %v, when its
// type has a String or Error method of the cells; it reports whether it
// did.
func (c *compiler) stringOperand(x ast.Expr, verb byte, plus bool) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if conv := c.interfaceStrings(t); conv != nil {
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			if plus { // a value without the methods: unexported fields named at run time
				return RuntimeName + ".Names(" + conv.conv(c.render(x)) + ")"
			}
			return conv.conv(c.render(x))
		})
		return true
	}
	if t == nil || types.IsInterface(t) {
		return false
	}
	ms := types.NewMethodSet(t)
	if celltype.HasMethod(ms, "Format") {
		// yaegi's wrapper calls it, but for a nil pointer (printed <nil>)
		_, ptr := t.Underlying().(*types.Pointer)
		ts := c.types.TypeString(t)
		if !ptr || ts == "" || !celltype.Mentions(t) {
			return false
		}
		conv := celltype.FormatCopy(t, ts, RuntimeName)
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return conv(c.render(x)) })
		return true
	}
	method := ""
	for _, name := range []string{"Error", "String"} {
		if m := celltype.StringMethod(ms, name); m != nil {
			method = name
			break
		}
	}
	if method == "" {
		if plus && len(celltype.UnexportedFields(t, map[types.Type]bool{})) > 0 {
			return false // %+v: formatOperand
		}
		if !celltype.PointerStringer(t) {
			return c.nestedOperand(x, verb)
		}
		// Only *T has the method: fmt does not call it on a T, but yaegi
		// gave fmt the variable's address. Its underlying value has none;
		// the methods of its fields are called (nestedCode).
		u := c.types.TypeString(t.Underlying())
		if u == "" {
			return false
		}
		nested := c.nestedCode(t.Underlying(), verb)
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			if nested != nil {
				return nested("(" + u + ")(" + c.render(x) + ")")
			}
			return "(" + u + ")(" + c.render(x) + ")"
		})
		return true
	}
	ts := c.types.TypeString(t)
	if ts == "" {
		return false
	}
	if _, ptr := t.Underlying().(*types.Pointer); ptr {
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
			return "func(v " + ts + ") (s string) { defer func() { if r := recover(); r != nil { if v != nil { panic(r) }; s = \"<nil>\" } }(); return v." + method + "() }(" + c.render(x) + ")"
		})
		return true
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return "(" + c.render(x) + ")." + method + "()" })
	return true
}

// plainOperand converts x, an operand of a verb that does not use String
// or Error (%d, %f...), to its underlying type when its type has such a
// method of the cells: yaegi gives fmt a wrapper struct for it (%d of a
// Weekday printed {2 5518368}).
func (c *compiler) plainOperand(x ast.Expr) {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil || types.IsInterface(t) {
		return
	}
	if _, ptr := t.Underlying().(*types.Pointer); ptr {
		return
	}
	ms := types.NewMethodSet(t)
	if celltype.HasMethod(ms, "Format") || celltype.StringMethod(ms, "Error") == nil && celltype.StringMethod(ms, "String") == nil {
		return
	}
	u := c.types.TypeString(t.Underlying())
	if u == "" {
		return
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return "(" + u + ")(" + c.render(x) + ")" })
}

// fmtOperand applies anyElems to x, an operand of a verb of spec in a
// format, where fmt would print the values held in interfaces as Go does:
// not for %+v of a type with unexported fields (formatOperand names them).
func (c *compiler) fmtOperand(x ast.Expr, spec string) bool {
	if strings.Contains(spec, "+") {
		if t := c.types.ExprType(c.off(x.Pos()), c.off(x.End())); t == nil || len(celltype.UnexportedFields(t, map[types.Type]bool{})) > 0 {
			return false
		}
	}
	if strings.Contains(spec, "+") {
		return c.fmtAny(x, RuntimeName+".Names(", ")") // unexported fields named at run time
	}
	return c.anyElems(x)
}

// anyElems rewrites x, an operand of fmt whose type holds interfaces (a
// slice, array or map of them, a struct with such fields, at any depth),
// as __gkrt.FmtAny(x, refused...): yaegi keeps the values of the cells'
// types with methods in wrappers there, which fmt printed ([{0xc000...
// {...}}]); FmtAny gives fmt the values they hold, or Formatters calling
// their String or Error method (registered by fmtMethod). It refuses the
// values of the cells' types with a Format method, and of generic types
// with String or Error (refused), which it cannot print as Go does. It
// reports whether it did.
func (c *compiler) anyElems(x ast.Expr) bool { return c.fmtAny(x, "", "") }

// fmtAny is anyElems, with prefix and suffix around the call (an
// assertion, a call of Names).
func (c *compiler) fmtAny(x ast.Expr, prefix, suffix string) bool {
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		return false
	}
	if it, ok := t.Underlying().(*types.Interface); ok && !it.Empty() || !ok && !celltype.HoldsInterface(t, 0) {
		return false // a lone empty interface: yaegi gave fmt the value it holds, without its methods
	}
	if ms := types.NewMethodSet(t); celltype.HasMethod(ms, "String") || celltype.HasMethod(ms, "Error") || celltype.HasMethod(ms, "Format") {
		return false // fmt calls them: stringOperand
	}
	var refused []string
	unique, _ := c.structShapes()
	if scope := c.types.Scope(); scope != nil {
		for _, name := range c.scopeNames() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			ms := types.NewMethodSet(types.NewPointer(tn.Type()))
			generic := false
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				generic = true
			}
			if celltype.HasMethod(ms, "Format") || generic && (celltype.HasMethod(ms, "String") || celltype.HasMethod(ms, "Error")) {
				refused = append(refused, strconv.Quote(name))
			} else if sh := celltype.Shape(tn.Type(), 0); strings.HasPrefix(sh, "struct{") && (celltype.HasMethod(ms, "String") || celltype.HasMethod(ms, "Error")) {
				// its values yaegi keeps without their type (returned as
				// any) are told by their fields ("=") when no other type
				// of the cells has them ("?": FmtAny cannot tell)
				mark := "="
				if !unique[sh] {
					mark = "?"
				}
				refused = append(refused, strconv.Quote(mark+name), strconv.Quote(mark+"*"+name))
			}
		}
	}
	if !types.IsInterface(t) {
		refused = append(refused, strconv.Quote(interpvalue.TypedOperand))
	}
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return prefix + RuntimeName + ".FmtAny(" + strings.Join(append([]string{c.boxedResult(x)}, refused...), ", ") + ")" + suffix
	})
	return true
}

// fmtMethod returns the registration of a String or Error method of the
// cells for compiled fmt (interpvalue.Printer): a value of base held in an
// interface (an element of a []any...) prints with it. A value receiver's
// method is registered for base and *base.
func (c *compiler) fmtMethod(fd *ast.FuncDecl, base, recvType string) string {
	name := fd.Name.Name
	if name != "String" && name != "Error" || fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 1 {
		return ""
	}
	if id, ok := fd.Type.Results.List[0].Type.(*ast.Ident); !ok || id.Name != "string" {
		return ""
	}
	reg := func(typ string) string {
		return "\nvar _ = " + RuntimeName + ".FmtMethod(" + strconv.Quote(typ) + ", " + strconv.Quote(name) +
			", func(v " + typ + ") string { return v." + name + "() })"
	}
	if _, ptr := ast.Unparen(fd.Recv.List[0].Type).(*ast.StarExpr); ptr { // recvType may start with a line directive
		return reg("*" + base)
	}
	return reg(base) + reg("*"+base)
}
