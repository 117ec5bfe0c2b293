package typecheck

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/stdlib/generic"
	"regexp"
	"strings"
)

// Result is a cell that type-checked.
type Result struct {
	c     *Checker
	cell  *cellsrc.Cell
	src   string // the cell
	pkg   *types.Package
	info  *types.Info
	names []string // package-level names the cell declares
	// imports are the cell's own imports, name -> path.
	imports map[string]string
	decls   map[string]ast.Node // name -> its *ast.FuncDecl or spec
	lines   []int               // offsets of the cell's line starts
	funcs   []Func              // the cell's top-level funcs, as checked
	moved   []cellsrc.Moved     // text written from other cells' (Move)

	exprs map[[2]int]types.Type // by cell offsets; built on first use
	vals  map[[2]int]constant.Value
	defs  map[int]types.Object
	uses  map[int]types.Object
	insts map[int]types.Instance
}

// offset returns the cell offset of a position of the check file, or -1
// for positions outside the cell.
func (r *Result) offset(pos token.Pos) int {
	p := r.c.fset.Position(pos)
	if p.Filename != cellFile || p.Line < 1 || p.Line > len(r.lines) {
		return -1
	}
	return r.lines[p.Line-1] + p.Column - 1
}

// index builds the lookups by cell offset.
func (r *Result) index() {
	if r.exprs != nil {
		return
	}
	r.exprs, r.vals, r.defs, r.uses, r.insts = map[[2]int]types.Type{}, map[[2]int]constant.Value{}, map[int]types.Object{}, map[int]types.Object{}, map[int]types.Instance{}
	for id, obj := range r.info.Uses {
		if off := r.offset(id.Pos()); off >= 0 {
			r.uses[off] = obj
		}
	}
	synthetic := map[[2]int]bool{}
	for x, tv := range r.info.Types {
		if start, end := r.offset(x.Pos()), r.offset(x.End()); start >= 0 && end >= 0 {
			// go/types checks x++ as x += 1 with a 1 of its own at x's
			// position: for a one-letter x (m[k]++), the two have the same
			// offsets, and the map's order chose between their types
			key := [2]int{start, end}
			_, lit := x.(*ast.BasicLit)
			if _, seen := r.exprs[key]; seen && lit {
				continue
			}
			if lit {
				synthetic[key] = true
			} else if synthetic[key] {
				delete(synthetic, key)
				delete(r.vals, key)
			}
			r.exprs[key] = tv.Type
			if tv.Value != nil {
				r.vals[[2]int{start, end}] = tv.Value
			}
		}
	}
	for id, obj := range r.info.Defs {
		if off := r.offset(id.Pos()); off >= 0 && obj != nil {
			r.defs[off] = obj
		}
	}
	for id, inst := range r.info.Instances {
		if off := r.offset(id.Pos()); off >= 0 {
			r.insts[off] = inst
		}
	}
}

// ExprType returns the type of the expression x of the cell's own parse
// (offsets start..end), or nil.
func (r *Result) ExprType(start, end int) types.Type {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.exprs[[2]int{start, end}]
}

// ExprValue returns the value of the constant expression of the cell's
// own parse at offsets start..end, or nil (not a constant).
func (r *Result) ExprValue(start, end int) constant.Value {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.vals[[2]int{start, end}]
}

// DefType returns the type of the variable the cell defines at offset off.
func (r *Result) DefType(off int) types.Type {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	if obj := r.defs[off]; obj != nil {
		return obj.Type()
	}
	return nil
}

// Def returns the object the identifier at offset off defines, or nil.
func (r *Result) Def(off int) types.Object {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.defs[off]
}

// Use returns the object the identifier at offset off refers to, or nil.
func (r *Result) Use(off int) types.Object {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.uses[off]
}

// Instance returns the inferred instance of the generic function named at
// offset off, if its type arguments were inferred.
func (r *Result) Instance(off int) (types.Instance, bool) {
	if r == nil || r.info == nil {
		return types.Instance{}, false
	}
	r.index()
	inst, ok := r.insts[off]
	return inst, ok
}

// TypeString writes t as cell code can name it, or "" if it cannot. A
// generic type of the standard library that the prelude writes as source
// (atomic.Pointer[T]) is written with its name there (generic.SourceName),
// iter.Seq[V] and iter.Seq2[K, V] as the function types they stand for.
func (r *Result) TypeString(t types.Type) string {
	if t == nil || hasUnexported(t) || hasModuleInstance(t) {
		return ""
	}
	t, ok := unaliasUndeclared(t, 0)
	if !ok {
		return ""
	}
	t = withoutParamNames(t)
	names := map[string]string{}
	for name, path := range r.c.imports {
		names[path] = name
	}
	for name, path := range r.imports {
		names[path] = name
	}
	ok = true
	s := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		return "\x00" + p.Path() + "\x01"
	})
	s = seqTypes(strings.NewReplacer("\x00iter\x01.Seq2[", "\x02", "\x00iter\x01.Seq[", "\x02").Replace(s))
	s = qualified.ReplaceAllStringFunc(s, func(m string) string {
		path, name, _ := strings.Cut(m[1:], "\x01.")
		if src := generic.SourceName(path + "." + name); src != "" {
			return src
		}
		pkg, found := names[path]
		if !found {
			ok = false
		}
		return pkg + "." + name
	})
	if !ok || strings.Contains(s, "invalid type") || strings.Contains(s, "untyped") {
		return ""
	}
	return s
}

// withoutParamNames returns t with the parameters and results of its
// function types unnamed: written in a var declaration, a parameter named
// as a package-level variable (var add func(a *Acc[float64], v float64)
// beside a var a) was "variable definition loop" to yaegi.
func withoutParamNames(t types.Type) types.Type {
	unnamed := func(tu *types.Tuple) *types.Tuple {
		vars := make([]*types.Var, tu.Len())
		for i := range vars {
			vars[i] = types.NewParam(tu.At(i).Pos(), tu.At(i).Pkg(), "", withoutParamNames(tu.At(i).Type()))
		}
		return types.NewTuple(vars...)
	}
	switch t := t.(type) {
	case *types.Signature:
		if t.TypeParams().Len() > 0 || t.Recv() != nil {
			return t
		}
		return types.NewSignatureType(nil, nil, nil, unnamed(t.Params()), unnamed(t.Results()), t.Variadic())
	case *types.Pointer:
		return types.NewPointer(withoutParamNames(t.Elem()))
	case *types.Slice:
		return types.NewSlice(withoutParamNames(t.Elem()))
	case *types.Array:
		return types.NewArray(withoutParamNames(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(withoutParamNames(t.Key()), withoutParamNames(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), withoutParamNames(t.Elem()))
	}
	return t
}

// seqTypes writes each iter.Seq[V] and iter.Seq2[K, V] of s, marked
// "\x02V]" and "\x02K, V]", as the function type it stands for: package
// iter has only generic types, which the interpreter cannot import.
func seqTypes(s string) string {
	for {
		i := strings.LastIndexByte(s, '\x02')
		if i < 0 {
			return s
		}
		depth, end := 0, len(s)
		for j := i + 1; j < len(s) && end == len(s); j++ {
			switch s[j] {
			case '[':
				depth++
			case ']':
				if depth == 0 {
					end = j
				}
				depth--
			}
		}
		if end == len(s) {
			return s
		}
		s = s[:i] + "func(func(" + s[i+1:end] + ") bool)" + s[end+1:]
	}
}

// qualified matches a name of a package in TypeString's marks:
// "\x00sync/atomic\x01.Pointer".
var qualified = regexp.MustCompile("\x00[^\x01]*\x01\\.[\\pL\\pN_]+")

// Func is a top-level function (not a method) that a cell declares, as the
// checker saw it.
type Func struct {
	Name string
	// Src is the declaration's text in the cell.
	Src string
	// Decl is the checked declaration, whose nodes the Info describes.
	Decl *ast.FuncDecl
}

// cellFuncs returns the cell's top-level funcs in the check file f.
func (r *Result) cellFuncs(f *ast.File) []Func {
	var funcs []Func
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || r.c.fset.Position(fd.Name.Pos()).Filename != cellFile {
			continue
		}
		cd, ok := r.decls[fd.Name.Name].(*ast.FuncDecl)
		if !ok {
			continue
		}
		start, end := r.cell.Off(cd.Pos()), min(r.cell.Off(cd.End()), len(r.src))
		if start < 0 || start > end {
			continue
		}
		funcs = append(funcs, Func{Name: fd.Name.Name, Src: r.src[start:end], Decl: fd})
	}
	return funcs
}

// Funcs returns the top-level functions the cell declares (for the native
// tier, which compiles the self-contained ones).
func (r *Result) Funcs() []Func {
	if r == nil {
		return nil
	}
	return r.funcs
}

// Info returns the checker's facts about the cell (the nodes of Funcs).
func (r *Result) Info() *types.Info {
	if r == nil {
		return nil
	}
	return r.info
}

// Names returns the package-level names the cell declares.
func (r *Result) Names() []string {
	if r == nil {
		return nil
	}
	return r.names
}

// Scope returns the scope of the session's package as the cell sees it.
func (r *Result) Scope() *types.Scope {
	if r == nil || r.pkg == nil {
		return nil
	}
	return r.pkg.Scope()
}

// Object returns the package-level object name of the session as the
// cell sees it (declared by it or by an earlier cell), or nil.
func (r *Result) Object(name string) types.Object {
	if r == nil || r.pkg == nil {
		return nil
	}
	return r.pkg.Scope().Lookup(name)
}

// unaliasUndeclared returns t with the aliases yaegi cannot declare (local
// or generic ones of the cells, which the cell compiler replaces by what
// they denote) replaced by their types, and false if one is where it
// cannot be replaced (in a func or struct type).
func unaliasUndeclared(t types.Type, depth int) (types.Type, bool) {
	if depth > 8 {
		return t, true
	}
	in := func(u types.Type) (types.Type, bool) { return unaliasUndeclared(u, depth+1) }
	switch u := t.(type) {
	case *types.Alias:
		if compiler.UndeclaredAlias(u) {
			return in(types.Unalias(u))
		}
	case *types.Pointer:
		e, ok := in(u.Elem())
		return types.NewPointer(e), ok
	case *types.Slice:
		e, ok := in(u.Elem())
		return types.NewSlice(e), ok
	case *types.Array:
		e, ok := in(u.Elem())
		return types.NewArray(e, u.Len()), ok
	case *types.Chan:
		e, ok := in(u.Elem())
		return types.NewChan(u.Dir(), e), ok
	case *types.Map:
		k, okK := in(u.Key())
		e, okE := in(u.Elem())
		return types.NewMap(k, e), okK && okE
	case *types.Named:
		if u.TypeArgs().Len() == 0 {
			return t, true
		}
		args := make([]types.Type, u.TypeArgs().Len())
		changed := false
		for i := range args {
			a, ok := in(u.TypeArgs().At(i))
			if !ok {
				return t, false
			}
			args[i], changed = a, changed || a != u.TypeArgs().At(i)
		}
		if !changed {
			return t, true
		}
		inst, err := types.Instantiate(nil, u.Origin(), args, false)
		return inst, err == nil
	case *types.Signature, *types.Struct:
		return t, !mentionsUndeclaredAlias(t, 0)
	}
	return t, true
}

// mentionsUndeclaredAlias reports whether t mentions an alias
// compiler.UndeclaredAlias reports (not inside the types aliases denote).
func mentionsUndeclaredAlias(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	var parts []types.Type
	switch u := t.(type) {
	case *types.Alias:
		return compiler.UndeclaredAlias(u)
	case *types.Pointer:
		parts = []types.Type{u.Elem()}
	case *types.Slice:
		parts = []types.Type{u.Elem()}
	case *types.Array:
		parts = []types.Type{u.Elem()}
	case *types.Chan:
		parts = []types.Type{u.Elem()}
	case *types.Map:
		parts = []types.Type{u.Key(), u.Elem()}
	case *types.Named:
		for i := 0; i < u.TypeArgs().Len(); i++ {
			parts = append(parts, u.TypeArgs().At(i))
		}
	case *types.Signature:
		for i := 0; i < u.Params().Len(); i++ {
			parts = append(parts, u.Params().At(i).Type())
		}
		for i := 0; i < u.Results().Len(); i++ {
			parts = append(parts, u.Results().At(i).Type())
		}
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			parts = append(parts, u.Field(i).Type())
		}
	}
	for _, p := range parts {
		if mentionsUndeclaredAlias(p, depth+1) {
			return true
		}
	}
	return false
}

// Move records text of the cell written from other cells' text (the
// instances of generics, package mono): the cell compiler gives it their
// positions.
func (r *Result) Move(m []cellsrc.Moved) {
	if r != nil {
		r.moved = m
	}
}

// Moved returns what Move recorded.
func (r *Result) Moved() []cellsrc.Moved {
	if r == nil {
		return nil
	}
	return r.moved
}

// Cell returns the cell's parse the checker read.
func (r *Result) Cell() *cellsrc.Cell { return r.cell }
