package compiler

import (
	"go/ast"
	"go/types"
	"reflect"
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
// cell, see CellLine) and the function it is in.
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
	"sync.OnceValue":        "use a sync.Once and a variable: once.Do(func() { v = compute() })",
	"sync.OnceValues":       "use a sync.Once and variables: once.Do(func() { v, err = compute() })",
	"atomic.Pointer":        "use atomic.Value, or a pointer guarded by a sync.Mutex",
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
	if what := stdGeneric(c.types.Use(c.off(sel.Sel.Pos()))); what != "" {
		c.errorAt(c.off(sel.Pos()), "%s is a generic %s of the standard library, which the interpreter cannot instantiate (of the standard library's generic functions, cells run those of slices, maps and cmp, and iter.Seq)%s", name, what, OrCompile)
	}
}

// stdGeneric says what obj is ("function", "type") when it is a generic
// function or type of a standard package, else "".
func stdGeneric(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if first, _, _ := strings.Cut(obj.Pkg().Path(), "/"); strings.Contains(first, ".") || first == "main" || first == "gokernel" {
		return ""
	}
	switch o := obj.(type) {
	case *types.Func:
		if sig, ok := o.Type().(*types.Signature); ok && sig.TypeParams().Len() > 0 {
			return "function"
		}
	case *types.TypeName:
		if o.Pkg().Path() == "iter" {
			return "" // iter.Seq and iter.Seq2 become function types (iterSeq)
		}
		if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			return "type"
		}
	}
	return ""
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
	if firstKey(refsOf(ell.Elt), tparams) != "" {
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

// checkErrorsAs refuses errors.As with a target of a type of the cells (or
// an interface type the cells write): yaegi panics on every such call
// ("errors: *target must be interface or implement error"), since compiled
// code sees neither the cells' types' methods nor their interfaces.
func (c *compiler) checkErrorsAs(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "As" || len(call.Args) != 2 {
		return
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || !c.isPackage(pkg, "errors") {
		return
	}
	ptr, ok := c.types.ExprType(c.off(call.Args[1].Pos()), c.off(call.Args[1].End())).(*types.Pointer)
	if !ok {
		return
	}
	elem := ptr.Elem()
	named, isNamed := types.Unalias(elem).(*types.Named)
	compiled := isNamed && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() != "main"
	if compiled || !mentionsCellType(elem) && !types.IsInterface(elem) || types.Identical(elem, types.Universe.Lookup("error").Type()) {
		return
	}
	name := types.TypeString(elem, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return p.Name()
	})
	c.errorAt(c.off(call.Pos()), "errors.As into a %s is not supported by the interpreter (its compiled errors package cannot see the types and interfaces of the cells): assert the type of the error where it is returned (v, ok := err.(%s))%s", name, name, OrCompile)
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

// yaegi exports the unexported fields of the cells' struct types (as
// Xname): encoding/json and encoding/xml would encode and decode them. The
// unexported fields of a named struct type of the cells, but embedded
// ones, get the tags json:"-" and xml:"-" before theirs, which reflect's
// Get finds first (Go ignores these fields).

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
			c.w.insert(c.off(f.Type.End()), " `json:\"-\"`")
		}
		if len(f.Names) == 0 || slices.ContainsFunc(f.Names, (*ast.Ident).IsExported) {
			continue
		}
		if f.Tag == nil {
			c.w.insert(c.off(f.Type.End()), " `"+hidden+"`")
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		c.w.replace(c.off(f.Tag.Pos()), c.off(f.Tag.End()), strconv.Quote(strings.TrimSpace(hidden+" "+tag)))
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
	return ok && !n.Obj().Exported() && !isStruct(n)
}

// isStruct reports whether t is a struct type or a pointer to one.
func isStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// yaegi's reflect types of the cells' structs have no embedded fields:
// encoding/json would not promote the fields of an embedded struct. Its
// calls whose value's static type has a struct of the cells embedding a
// struct without a JSON name are refused.

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
	if owner, field := embeddedStruct(c.types.ExprType(c.off(x.Pos()), c.off(x.End())), map[types.Type]bool{}); owner != "" {
		c.errorAt(c.off(x.Pos()), "encoding/json does not see the embedded field %s of %s in the interpreter (it would not promote its fields): name the field and give it a JSON key (%s %s `json:\"...\"`)%s", field, owner, field, field, OrCompile)
	}
}

// embeddedStruct returns the name of a struct type of the cells inside t
// that embeds a struct without a JSON name, and the embedded field.
func embeddedStruct(t types.Type, seen map[types.Type]bool) (string, string) {
	if t == nil || seen[t] {
		return "", ""
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return embeddedStruct(u.Elem(), seen)
	case *types.Slice:
		return embeddedStruct(u.Elem(), seen)
	case *types.Array:
		return embeddedStruct(u.Elem(), seen)
	case *types.Map:
		return embeddedStruct(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			name, _, _ := strings.Cut(reflect.StructTag(u.Tag(i)).Get("json"), ",")
			if f.Embedded() && isStruct(f.Type()) && name == "" && mentionsCellType(t) {
				return goTypeName(t), f.Name()
			}
			if owner, field := embeddedStruct(f.Type(), seen); owner != "" {
				return owner, field
			}
		}
	}
	return "", ""
}
