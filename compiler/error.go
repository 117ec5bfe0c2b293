package compiler

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"slices"
	"strconv"
	"strings"
)

// Error is an error of a cell before it becomes a pipe.Error.
type Error struct {
	Name, Msg string
	// Line and Col are 0 when the position is unknown; Line encodes the
	// cell (see cellLine), serial 0 being the cell that runs.
	Line, Col int
	// Frames are the further interpreted Frames of a panic, innermost first.
	Frames []Frame
	// Notes are further lines of the traceback (the goroutines of a
	// deadlock or an interrupt).
	Notes []string
}

func (e *Error) Error() string { return e.Name + ": " + e.Msg }

// Frame is one interpreted frame of a panic: a position (Line encodes the
// cell, see cellsrc.CellLine) and the function it is in.
type Frame struct {
	Line, Col int
	Func      string
}

// InLabel is "In [n]" as Jupyter shows the cell.
func InLabel(count int) string {
	if count <= 0 {
		return "In [ ]"
	}
	return "In [" + strconv.Itoa(count) + "]"
}

// What yaegi v0.16.1 cannot do is refused before evaluation, with the
// construct and a workaround, rather than failing with an obscure message.

const OrCompile = ", or run the cell compiled with %%compile"

// Unavailable maps package members that are missing from the interpreter
// to their workaround. Members of slices and maps not listed in available
// are all missing.
var Unavailable = map[string]string{
	"slices.Sort":           "use sort.Ints, sort.Strings, sort.Float64s or sort.Slice",
	"slices.SortFunc":       "use sort.Slice(s, func(i, j int) bool { ... })",
	"slices.SortStableFunc": "use sort.SliceStable(s, func(i, j int) bool { ... })",
	"slices.IsSorted":       "use sort.IntsAreSorted, sort.StringsAreSorted or sort.SliceIsSorted",
	"slices.BinarySearch":   "use sort.SearchInts, sort.SearchStrings or sort.Search",
	"slices.Max":            "use a loop, or max(a, b)",
	"slices.Min":            "use a loop, or min(a, b)",
	"slices.Reverse":        "use a loop: for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 { s[i], s[j] = s[j], s[i] }",
	"slices.Clone":          "use append([]T(nil), s...)",
	"slices.Insert":         "use append and copy",
	"slices.Delete":         "use append(s[:i], s[j:]...)",
	"maps.Keys":             "use a loop: for k := range m { keys = append(keys, k) }",
	"maps.Values":           "use a loop: for _, v := range m { vals = append(vals, v) }",
	"maps.Clone":            "use a loop that copies the entries into a new map",
	"maps.Copy":             "use a loop: for k, v := range src { dst[k] = v }",
}

// available are the members of slices and maps that work.
var available = map[string]bool{
	"slices.Contains": true, "slices.ContainsFunc": true, "slices.Index": true, "slices.IndexFunc": true,
	"maps.DeleteFunc": true,
}

// checkSelector refuses pkg.Name when the interpreter lacks it.
func (c *compiler) checkSelector(sel *ast.SelectorExpr) {
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Obj != nil || c.userDefined(pkg.Name) {
		return
	}
	name := pkg.Name + "." + sel.Sel.Name
	hint, missing := Unavailable[name]
	if !missing && (pkg.Name == "slices" || pkg.Name == "maps") && !available[name] {
		hint, missing = "write the loop by hand", true
	}
	if missing {
		c.errorAt(c.off(sel.Pos()), "%s is not available in the interpreter: %s%s", name, hint, OrCompile)
		return
	}
	if what := celltype.StdGeneric(c.types.Use(c.off(sel.Sel.Pos()))); what != "" {
		c.errorAt(c.off(sel.Pos()), "%s is a generic %s of the standard library, which the interpreter cannot instantiate (of the standard library's generic functions, cells run those of slices, maps and cmp, iter.Seq, iter.Pull, sync.OnceValue(s) and atomic.Pointer)%s", name, what, OrCompile)
	}
}

// checkVariadicGeneric refuses generic funcs with a variadic parameter of a
// type parameter's type, which yaegi cannot instantiate.
func (c *compiler) checkVariadicGeneric(fd *ast.FuncDecl) {
	if fd.Type.TypeParams == nil || fd.Type.Params.NumFields() == 0 {
		return
	}
	last := fd.Type.Params.List[len(fd.Type.Params.List)-1]
	ell, ok := last.Type.(*ast.Ellipsis)
	if !ok {
		return
	}
	tparams := map[string]bool{}
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			tparams[n.Name] = true
		}
	}
	if firstKey(cellsrc.RefsOf(ell.Elt), tparams) != "" {
		c.errorAt(c.off(last.Pos()), "variadic generic functions (%s(... ...%s)) are not supported by the interpreter: take a slice instead (xs []%s) and call %s([]T{...})%s",
			fd.Name.Name, c.text(ell.Elt), c.text(ell.Elt), fd.Name.Name, OrCompile)
	}
}

// firstKey returns a key of refs that is also in set, or "".
func firstKey(refs, set map[string]bool) string {
	for k := range refs {
		if set[k] {
			return k
		}
	}
	return ""
}

// errorAt records a compile error at cell offset off.
func (c *compiler) errorAt(off int, format string, args ...any) {
	l, col := c.w.LineCol(off)
	c.errs = append(c.errs, &Error{Name: "CompileError", Msg: fmt.Sprintf(format, args...), Line: l, Col: col})
}

// checkInterfaceKey refuses a map keyed by a non-empty interface type of
// the cells: yaegi keeps its keys in wrappers that differ for equal values
// (two Key{"a"} in a Named are two keys), and panics indexing it with a
// value of a concrete type.
func (c *compiler) checkInterfaceKey(m *ast.MapType) {
	if kt := c.types.ExprType(c.off(m.Key.Pos()), c.off(m.Key.End())); kt != nil && celltype.IsCellInterface(kt) {
		c.errorAt(c.off(m.Pos()), "maps keyed by an interface type of the cells (%s) are not supported by the interpreter: it tells equal keys apart; key the map by a concrete type, or a string made of the key%s", c.text(m), OrCompile)
	}
}

// anyMapKey rewrites key, a key of the map m keyed by an empty interface,
// as cellrt.MapKey(key), which refuses a value of a type of the cells:
// yaegi keeps it in a wrapper that equal values made apart do not share,
// so counts[Kind("a")] missed the entry counts[e.Kind] made.
func (c *compiler) anyMapKey(m, key ast.Expr) {
	t := c.types.ExprType(c.off(m.Pos()), c.off(m.End()))
	if t == nil {
		return
	}
	mt, ok := t.Underlying().(*types.Map)
	if !ok {
		return
	}
	if it, ok := mt.Key().Underlying().(*types.Interface); !ok || !it.Empty() {
		return
	}
	kt := c.types.ExprType(c.off(key.Pos()), c.off(key.End()))
	if kt == nil || !types.IsInterface(kt) && !celltype.Mentions(kt) {
		return // a compiled value: compared as Go does
	}
	c.w.Add(c.off(key.Pos()), c.off(key.End()), func(*cellsrc.Rewriter) string {
		return RuntimeName + ".MapKey(" + c.render(key) + ")"
	})
}

// yaegi cannot keep a nil pointer of a type of the cells in an interface of a compiled package with methods (error,
// fmt.Stringer, io.Reader): the interface is nil, so err != nil is false
// where Go's is true (the typed-nil pitfall). Where such a value becomes
// one (a return, an assignment, a var with a type, an argument of a
// function of the cells), the
// cell compiler checks it: a nil one panics with a clear error rather than
// go on differently from Go.

// nilChecked rewrites x, converted to type to, to panic when it is a nil
// pointer of a type of the cells and to is an interface of a compiled
// package with methods.
func (c *compiler) nilChecked(x ast.Expr, to types.Type) {
	if to == nil || !types.IsInterface(to) {
		return
	}
	if n, ok := types.Unalias(to).(*types.Named); !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		if !ok || n.Obj().Pkg() != nil { // error is the universe's
			return
		}
	}
	if it, ok := to.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr: // &T{...}, &v
		if x.Op == token.AND {
			return
		}
	case *ast.CompositeLit, *ast.FuncLit:
		return
	}
	from := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if from == nil || types.IsInterface(from) || !celltype.Mentions(from) {
		return
	}
	if _, ptr := from.Underlying().(*types.Pointer); !ptr {
		return // a value of another kind, rewritten so, loses its methods for yaegi (sort.Sort(ByAge(ps)))
	}
	ts := c.types.TypeString(from)
	if ts == "" {
		return
	}
	msg := strconv.Quote("a nil " + types.TypeString(from, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	}) + " converted to " + types.TypeString(to, func(p *types.Package) string { return p.Name() }) +
		": the interpreter cannot hold a nil value of a type of the cells in an interface of a compiled package (it would be a nil interface, unlike Go's): return or assign nil itself, or run the cell compiled with %%compile")
	c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string {
		return "func(v " + ts + ") " + ts + " { if v == nil { panic(" + RuntimeName + ".TypedNil(" + msg + ")) }; return v }(" + c.render(x) + ")"
	})
}

// conversions rewrites the values n converts: nilChecked for the operands
// of an assignment, of a var with a type and of a call; a var without a
// type given an untyped constant gets its default type written (yaegi
// makes var r = 'a' an int at the top level of a cell, not an int32).
func (c *compiler) conversions(n ast.Node) {
	typeOf := func(x ast.Expr) types.Type { return c.types.ExprType(c.off(x.Pos()), c.off(x.End())) }
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				c.nilChecked(n.Rhs[i], typeOf(l))
				c.boxedLiteral(n.Rhs[i], typeOf(l))
			}
		}
	case *ast.ValueSpec:
		if l, isLit := valueLit(n); isLit && n.Type == nil && len(n.Names) == 1 && l.Kind != token.INT && l.Kind != token.STRING {
			if b, ok := defType(c.types.Def(c.off(n.Names[0].Pos()))).(*types.Basic); ok && isVar(c.types.Def(c.off(n.Names[0].Pos()))) {
				c.w.Insert(c.off(n.Names[0].End()), " "+b.Name()) // float64, complex128, int32 (rune)
			}
		}
		if n.Type != nil && len(n.Values) == len(n.Names) {
			for _, v := range n.Values {
				c.nilChecked(v, typeOf(n.Type))
				c.boxedLiteral(v, typeOf(n.Type))
			}
		}
	case *ast.CallExpr:
		sig, ok := typeOf(n.Fun).(*types.Signature)
		if !ok || n.Ellipsis.IsValid() || !c.callsCellFunc(n.Fun) {
			return
		}
		for i, a := range n.Args {
			switch {
			case sig.Variadic() && i >= sig.Params().Len()-1:
				c.nilChecked(a, sig.Params().At(sig.Params().Len()-1).Type().(*types.Slice).Elem())
			case i < sig.Params().Len():
				c.nilChecked(a, sig.Params().At(i).Type())
			}
		}
	}
}

// callsCellFunc reports whether fun names a function or method of the
// cells (a call of a compiled function is left alone).
func (c *compiler) callsCellFunc(fun ast.Expr) bool {
	id := cellsrc.NameOf(fun)
	if id == nil {
		return false
	}
	fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "main"
}

// nilReturns applies nilChecked to the results of the returns of a
// function of type ft.
func (c *compiler) nilReturns(ft ast.Node, body *ast.BlockStmt) {
	var sig *types.Signature
	switch f := ft.(type) {
	case *ast.FuncDecl:
		if fn, ok := c.types.Def(c.off(f.Name.Pos())).(*types.Func); ok {
			sig, _ = fn.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ = c.types.ExprType(c.off(f.Pos()), c.off(f.End())).(*types.Signature)
	}
	if sig == nil || body == nil || sig.Results().Len() == 0 {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == sig.Results().Len() {
				for i, r := range n.Results {
					c.nilChecked(r, sig.Results().At(i).Type())
				}
			}
		}
		return true
	})
}

// checkReflect refuses reflect.TypeOf and reflect.ValueOf of a value whose
// type mentions a type of the cells: the interpreter's reflect types of
// the cells' types have no names (t.Name() is "") and show unexported
// fields as exported ones named X... (age becomes Xage), so a program that
// looks at them would print something else than Go.
func (c *compiler) checkReflect(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "TypeOf" && sel.Sel.Name != "ValueOf" || len(call.Args) != 1 {
		return
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || !c.isPackage(pkg, "reflect") {
		return
	}
	t := c.types.ExprType(c.off(call.Args[0].Pos()), c.off(call.Args[0].End()))
	if t == nil || !celltype.Mentions(t) {
		return
	}
	name := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	})
	c.errorAt(c.off(call.Pos()), "reflect.%s of a %s is not supported by the interpreter: its reflect types of the cells' types have no names and show unexported fields as exported ones (X...)%s", sel.Sel.Name, name, OrCompile)
}

// checkTopLevel refuses a return among the cell's top-level statements.
func (c *compiler) checkTopLevel(it ast.Node) {
	if _, ok := it.(ast.Stmt); !ok {
		return
	}
	ast.Inspect(it, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			c.rewriteTopDefer(n)
		case *ast.ReturnStmt:
			c.errorAt(c.off(n.Pos()), "return is not allowed at the top level of a cell (a cell is not a function): put the code in a func, or use if/else")
		}
		return true
	})
}

// hideUnexportedFields tags the unexported fields of the struct type ts
// declares.
func (c *compiler) hideUnexportedFields(ts *ast.TypeSpec) {
	st, ok := ts.Type.(*ast.StructType)
	if !ok || st.Fields == nil {
		return
	}
	const hidden = `json:"-" xml:"-"`
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 && c.embedsNonStruct(f) && f.Tag == nil {
			// encoding/json ignores it; yaegi gives it a name
			c.w.Insert(c.off(f.Type.End()), " `json:\"-\"`")
		}
		if len(f.Names) == 0 || slices.ContainsFunc(f.Names, (*ast.Ident).IsExported) {
			continue
		}
		if f.Tag == nil {
			c.w.Insert(c.off(f.Type.End()), " `"+hidden+"`")
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		c.w.Replace(c.off(f.Tag.Pos()), c.off(f.Tag.End()), strconv.Quote(strings.TrimSpace(hidden+" "+tag)))
	}
}

// embedsNonStruct reports whether f embeds an unexported type that is not
// a struct nor a pointer to one.
func (c *compiler) embedsNonStruct(f *ast.Field) bool {
	t := c.types.ExprType(c.off(f.Type.Pos()), c.off(f.Type.End()))
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		n, ok = types.Unalias(p.Elem()).(*types.Named)
	}
	return ok && !n.Obj().Exported() && !celltype.IsStruct(n)
}

// jsonValueArg are the functions and methods of encoding/json with a
// value, and its argument.
var jsonValueArg = map[string]int{"Marshal": 0, "MarshalIndent": 0, "Unmarshal": 1, "Encode": 0, "Decode": 0}

// checkJSONEmbedded refuses a call of encoding/json whose value embeds a
// struct in a struct of the cells.
func (c *compiler) checkJSONEmbedded(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := c.types.Use(c.off(sel.Sel.Pos())).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return
	}
	i, ok := jsonValueArg[fn.Name()]
	if !ok || i >= len(call.Args) {
		return
	}
	x := call.Args[i]
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if owner, field := celltype.EmbeddedStruct(t, map[types.Type]bool{}); owner != "" {
		c.errorAt(c.off(x.Pos()), "encoding/json does not see the embedded field %s of %s in the interpreter (it would not promote its fields): name the field and give it a JSON key (%s %s `json:\"...\"`)%s", field, owner, field, field, OrCompile)
		return
	}
	if owner, method := celltype.JSONMethod(t, map[types.Type]bool{}); owner != "" {
		c.errorAt(c.off(x.Pos()), "encoding/json does not see the %s method of %s in the interpreter (compiled code does not see the methods of the cells' types): convert the value yourself before encoding it%s", method, owner, OrCompile)
		return
	}
	for p, ok := types.Unalias(t).(*types.Pointer); ok; p, ok = types.Unalias(t).(*types.Pointer) {
		t = p.Elem()
	}
	if t != nil && !strings.HasPrefix(fn.Name(), "Un") && fn.Name() != "Decode" && (celltype.HoldsInterface(t, 0) || types.IsInterface(t) && t.Underlying().(*types.Interface).Empty()) {
		// values of the cells' types in interfaces: see interpvalue.Bare
		c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return RuntimeName + ".Bare(" + c.render(x) + ")" })
	}
}
