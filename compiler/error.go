package compiler

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"gokernel/stdlib"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
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
		c.errorAt(c.off(sel.Pos()), "%s is a generic %s of the standard library, which the interpreter cannot instantiate (of the standard library's generic functions, cells run those of slices, maps and cmp, iter.Seq, iter.Pull, sync.OnceValue(s) and atomic.Pointer)%s", name, what, OrCompile)
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
	if t == nil || !mentionsCellType(t) {
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

// The standard packages a cell uses without importing them (MissingImports).

// preferredPackages settles names that several standard packages share,
// as goimports does for the common cases.
var preferredPackages = map[string]string{
	"rand":      "math/rand",
	"template":  "text/template",
	"scanner":   "text/scanner",
	"pprof":     "runtime/pprof",
	"parser":    "go/parser",
	"ast":       "go/ast",
	"token":     "go/token",
	"constant":  "go/constant",
	"format":    "go/format",
	"doc":       "go/doc",
	"build":     "go/build",
	"types":     "go/types",
	"printer":   "go/printer",
	"trace":     "runtime/trace",
	"cookiejar": "net/http/cookiejar",
}

// stdlibIndex maps a package name to the standard packages with that name.
type stdlibIndex map[string][]StdPackage

// StdPackage is a standard package: its import path and its key in the
// symbol tables ("import/path/name").
type StdPackage struct {
	Path string
	Key  string
}

// Symbols returns the package's exported Symbols (built on first use).
func (p StdPackage) Symbols() map[string]reflect.Value { return stdlib.Load(p.Key) }

// PackagesByName returns the standard library index, built once.
var PackagesByName = sync.OnceValue(func() stdlibIndex {
	index := stdlibIndex{}
	for _, key := range stdlib.Keys() {
		p, name := path.Dir(key), path.Base(key)
		if strings.Contains(p, "internal") || strings.HasPrefix(p, "vendor") {
			continue
		}
		index[name] = append(index[name], StdPackage{Path: p, Key: key})
	}
	return index
})

// tokLit is a scanned token and its literal text.
type tokLit struct {
	tok token.Token
	lit string
}

// MissingImports returns the standard library packages a cell uses as
// `name.Symbol` without importing them, like goimports: a name counts only
// if the cell neither imports nor declares it and defined(name) is false (a
// variable of an earlier cell may have a package's name). When several
// packages have the name, the one exporting every symbol used wins, then
// the preferred one (math/rand for rand).
func MissingImports(src string, defined func(name string) bool) []string {
	var toks []tokLit
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("cell", -1, len(src))
	s.Init(file, []byte(src), nil, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		toks = append(toks, tokLit{tok, lit})
	}
	at := func(i int) token.Token {
		if i < 0 || i >= len(toks) {
			return token.ILLEGAL
		}
		return toks[i].tok
	}

	used := map[string]map[string]bool{} // package name -> selectors
	declared := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.tok == token.IMPORT:
			// Skip the import spec(s): imported names are not missing.
			j := i + 1
			if at(j) == token.LPAREN {
				for j < len(toks) && at(j) != token.RPAREN {
					if at(j) == token.STRING {
						declared[importName(toks[j].lit, toks[j-1])] = true
					}
					j++
				}
			} else {
				if at(j) == token.IDENT || at(j) == token.PERIOD {
					j++
				}
				if at(j) == token.STRING {
					declared[importName(toks[j].lit, toks[j-1])] = true
				}
			}
			i = j
		case t.tok == token.IDENT && (at(i-1) == token.VAR || at(i-1) == token.CONST || at(i-1) == token.TYPE || at(i-1) == token.FUNC):
			declared[t.lit] = true
		case t.tok == token.DEFINE:
			for j := i - 1; at(j) == token.IDENT; j -= 2 {
				declared[toks[j].lit] = true
				if at(j-1) != token.COMMA {
					break
				}
			}
		case t.tok == token.IDENT && at(i+1) == token.PERIOD && at(i+2) == token.IDENT && at(i-1) != token.PERIOD:
			if used[t.lit] == nil {
				used[t.lit] = map[string]bool{}
			}
			used[t.lit][toks[i+2].lit] = true
		}
	}
	idx := PackagesByName()
	var out []string
	for name, sels := range used {
		if declared[name] || (defined != nil && defined(name)) {
			continue
		}
		if p := ChoosePackage(idx[name], name, sels); p != "" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// importName is the name an import spec binds: its explicit name, or the
// last element of its path.
func importName(pathLit string, before tokLit) string {
	if before.tok == token.IDENT {
		return before.lit
	}
	return path.Base(strings.Trim(pathLit, "\"`"))
}

// ChoosePackage picks, among the standard packages called name, the one
// that exports every selector used; ties go to the preferred package, then
// the shortest path.
func ChoosePackage(cands []StdPackage, name string, sels map[string]bool) string {
	var fits []string
	for _, c := range cands {
		ok := true
		for sel := range sels {
			if _, has := c.Symbols()[sel]; !has {
				ok = false
				break
			}
		}
		if ok {
			fits = append(fits, c.Path)
		}
	}
	if len(fits) == 0 && len(cands) == 1 {
		// The only package of that name (its generic functions are not in
		// the symbol tables): the type checker says if a selector is wrong.
		return cands[0].Path
	}
	if len(fits) == 0 {
		return ""
	}
	if pref, ok := preferredPackages[name]; ok {
		for _, f := range fits {
			if f == pref {
				return f
			}
		}
	}
	sort.Slice(fits, func(i, j int) bool { return len(fits[i]) < len(fits[j]) })
	return fits[0]
}
