package compiler

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A Checker type-checks cells with Go's own type checker (go/types) before
// they run, against what the cells run before declared: code that the Go
// compiler rejects gets the Go compiler's message at the cell's line and
// column, and never reaches the interpreter.
//
// The session is modelled as one package main: the declarations of earlier
// cells are kept as stubs (a func's signature, a var's type, a type's
// definition, a const's value; the latest declaration of a name wins), the
// imports of all cells are shared, and a cell is checked as Go would check
// it if its top-level := and var/const/type declarations were package-level
// declarations and its other statements the body of a function.
//
// A Checker is not safe for concurrent use.
type Checker struct {
	fset *token.FileSet
	imp  types.ImporterFrom

	imports map[string]string // import name -> path, of every cell run
	decls   map[string]*stub  // package-level names of the cells run
	order   int               // last stub's sequence number
}

// stub is the declaration of a package-level name from a cell run before.
type stub struct {
	seq   int
	names []string // the names it declares (several for a const block)
	text  string   // its Go source
}

// goroot returns the GOROOT whose sources the checker imports, or "" if
// there are none (no Go toolchain installed): the checker is then off.
var goroot = sync.OnceValue(func() string {
	for _, dir := range []string{os.Getenv("GOROOT"), build.Default.GOROOT} {
		if dir != "" && isDir(filepath.Join(dir, "src", "fmt")) {
			return dir
		}
	}
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); isDir(filepath.Join(dir, "src", "fmt")) {
			return dir
		}
	}
	return ""
})

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// shared is the file set and importer of every Checker of the process:
// standard packages are type-checked once, whatever the sessions.
var shared = sync.OnceValues(func() (*token.FileSet, *sourceImporter) {
	root := goroot()
	if root == "" {
		return nil, nil
	}
	// Export data (from the go command's build cache, made on first use)
	// holds a package's types in a few MB where type-checking its sources
	// takes tens; the source importer is the fallback without a go command.
	build.Default.GOROOT = root
	build.Default.CgoEnabled = false
	fset := token.NewFileSet()
	kind := "gc"
	if _, err := exec.LookPath("go"); err != nil {
		kind = "source"
	} else if os.Getenv("GOTOOLCHAIN") == "" {
		// go list (run by the importer in the notebook's directory) must
		// not fetch another toolchain for a go.mod found there.
		os.Setenv("GOTOOLCHAIN", "local")
	}
	imp, ok := importer.ForCompiler(fset, kind, nil).(types.ImporterFrom)
	if !ok {
		return nil, nil
	}
	return fset, &sourceImporter{ImporterFrom: imp}
})

// NewChecker returns a Checker for a new session, or nil when the standard
// library's sources are not installed (then cells are not type-checked).
func NewChecker() *Checker {
	fset, imp := shared()
	if imp == nil {
		return nil
	}
	return &Checker{fset: fset, imp: imp, imports: map[string]string{}, decls: map[string]*stub{}}
}

// sourceImporter imports standard packages from source, once each.
type sourceImporter struct {
	types.ImporterFrom
	mu    sync.Mutex
	cache map[string]*types.Package
	fails map[string]error
}

// ImportFrom implements types.ImporterFrom. Packages outside the standard
// library (gokernel/display...) fail: the checker then treats them as
// unknown and reports nothing about their use.
func (s *sourceImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.cache[path]; ok {
		return p, nil
	}
	if err, ok := s.fails[path]; ok {
		return nil, err
	}
	if s.cache == nil {
		s.cache, s.fails = map[string]*types.Package{}, map[string]error{}
	}
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") || first == "gokernel" {
		err := fmt.Errorf("%s is not a standard package", path)
		s.fails[path] = err
		return nil, err
	}
	p, err := s.ImporterFrom.ImportFrom(path, dir, mode)
	if err != nil {
		s.fails[path] = err
		return nil, err
	}
	s.cache[path] = p
	return p, nil
}

// Import implements types.Importer.
func (s *sourceImporter) Import(path string) (*types.Package, error) {
	return s.ImportFrom(path, "", 0)
}

// Warm imports packages in the background, so that the first cell that
// uses them does not wait for their type-checking.
func (c *Checker) Warm(paths ...string) {
	if c == nil {
		return
	}
	go func() {
		for _, p := range paths {
			_, _ = c.imp.ImportFrom(p, "", 0)
		}
	}()
}

// AddImport records an import done outside Check (the automatic imports).
func (c *Checker) AddImport(name, path string) {
	if c == nil {
		return
	}
	if name == "" {
		name = path[strings.LastIndex(path, "/")+1:]
	}
	c.imports[name] = path
}

// recoverCheck makes Check recover from its own panics (the fuzz test
// turns it off to find them).
var recoverCheck = true

// Result is a cell that type-checked.
type Result struct {
	c     *Checker
	cell  *Cell
	pkg   *types.Package
	info  *types.Info
	names []string // package-level names the cell declares
	// imports are the cell's own imports, name -> path.
	imports map[string]string
	decls   map[string]ast.Node // name -> its *ast.FuncDecl or spec
	lines   []int               // offsets of the cell's line starts

	exprs map[[2]int]types.Type // by cell offsets; built on first use
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
	r.exprs, r.defs, r.uses, r.insts = map[[2]int]types.Type{}, map[int]types.Object{}, map[int]types.Object{}, map[int]types.Instance{}
	for id, obj := range r.info.Uses {
		if off := r.offset(id.Pos()); off >= 0 {
			r.uses[off] = obj
		}
	}
	for x, tv := range r.info.Types {
		if start, end := r.offset(x.Pos()), r.offset(x.End()); start >= 0 && end >= 0 {
			r.exprs[[2]int{start, end}] = tv.Type
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

// exprType returns the type of the expression x of the cell's own parse
// (offsets start..end), or nil.
func (r *Result) exprType(start, end int) types.Type {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.exprs[[2]int{start, end}]
}

// defType returns the type of the variable the cell defines at offset off.
func (r *Result) defType(off int) types.Type {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	if obj := r.defs[off]; obj != nil {
		return obj.Type()
	}
	return nil
}

// def returns the object the identifier at offset off defines, or nil.
func (r *Result) def(off int) types.Object {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.defs[off]
}

// use returns the object the identifier at offset off refers to, or nil.
func (r *Result) use(off int) types.Object {
	if r == nil || r.info == nil {
		return nil
	}
	r.index()
	return r.uses[off]
}

// instance returns the inferred instance of the generic function named at
// offset off, if its type arguments were inferred.
func (r *Result) instance(off int) (types.Instance, bool) {
	if r == nil || r.info == nil {
		return types.Instance{}, false
	}
	r.index()
	inst, ok := r.insts[off]
	return inst, ok
}

// typeString writes t as cell code can name it, or "" if it cannot.
func (r *Result) typeString(t types.Type) string {
	if t == nil || hasUnexported(t) {
		return ""
	}
	names := map[string]string{}
	for name, path := range r.c.imports {
		names[path] = name
	}
	for name, path := range r.imports {
		names[path] = name
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		name, found := names[p.Path()]
		if !found {
			ok = false
		}
		return name
	})
	if !ok || strings.Contains(s, "invalid type") || strings.Contains(s, "untyped") {
		return ""
	}
	return s
}

// Check type-checks cell src. It returns the Go compiler's first error in
// the cell as an *Error (Line is the cell's line), or the Result to
// Commit once the cell has run. A nil Checker, and a cell that does not
// parse (the cell compiler reports that), give (nil, nil).
func (c *Checker) Check(src string) (res *Result, err error) {
	if c == nil {
		return nil, nil
	}
	if recoverCheck {
		defer func() {
			if recover() != nil { // a checker bug must not cost the cell
				res, err = nil, nil
			}
		}()
	}
	p, err := Parse(src)
	if err != nil {
		return nil, nil
	}
	b := &fileBuilder{src: src, p: p, lines: lineStarts(src)}
	r := &Result{c: c, cell: p, imports: map[string]string{}, decls: map[string]ast.Node{}}
	var body []ast.Stmt
	own := map[string]bool{} // names this cell declares at package level
	for _, it := range p.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			b.item(n)
			if n.Recv == nil {
				own[n.Name.Name] = true
				r.decls[n.Name.Name] = n
			} else if len(n.Recv.List) == 0 {
				break // a receiver-less method: the cell compiler refuses it
			} else if base, _ := RecvBase(n.Recv.List[0].Type); base != "" {
				own[base+"."+n.Name.Name] = true
				r.decls[base+"."+n.Name.Name] = n
			}
		case *ast.GenDecl: // imports
			b.imports(n)
			for _, s := range n.Specs {
				is := s.(*ast.ImportSpec)
				path, _ := strconv.Unquote(is.Path.Value)
				name := path[strings.LastIndex(path, "/")+1:]
				if is.Name != nil {
					name = is.Name.Name
				}
				r.imports[name] = path
			}
		case *ast.DeclStmt:
			gd := n.Decl.(*ast.GenDecl)
			b.item(gd)
			for _, s := range gd.Specs {
				for _, name := range specNames(s) {
					own[name] = true
					r.decls[name] = s
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && !redefines(n, own) {
				b.define(n)
				for _, x := range n.Lhs {
					if id, ok := x.(*ast.Ident); ok && id.Name != "_" {
						own[id.Name] = true
						r.decls[id.Name] = n
					}
				}
				continue
			}
			body = append(body, n)
		case ast.Stmt:
			body = append(body, n)
		}
	}
	b.body(body)
	for name := range own {
		r.names = append(r.names, name)
	}
	file := c.header(own, r.imports, b.imps.String()) + b.out.String()
	if os.Getenv("GOKERNEL_DEBUG_CHECK") != "" {
		fmt.Fprintf(os.Stderr, "=== check file\n%s\n===\n", file)
	}
	f, err := parser.ParseFile(c.fset, "check.go", file, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil // the cell compiler reports syntax errors
	}
	var first *Error
	var others int
	conf := types.Config{
		Importer:    c.imp,
		GoVersion:   "", // the toolchain's own language version
		FakeImportC: true,
		Error: func(err error) {
			te, ok := err.(types.Error)
			if !ok {
				return
			}
			pos := c.fset.Position(te.Pos)
			if pos.Filename != cellFile || ignoredError(te.Msg) || b.isValue(pos, te.Msg) {
				return
			}
			if first == nil {
				first = &Error{Name: "CompileError", Msg: te.Msg, Line: pos.Line, Col: pos.Column}
			} else {
				others++
			}
		},
	}
	r.info = &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	r.pkg, _ = conf.Check("main", c.fset, []*ast.File{f}, r.info)
	r.lines = b.lines
	// Index by cell offsets now, then drop the file from the shared file
	// set, which would otherwise grow with every cell.
	r.index()
	c.fset.RemoveFile(c.fset.File(f.Pos()))
	if first != nil {
		if others > 0 {
			first.Msg += fmt.Sprintf(" (and %d more error%s)", others, plural(others))
		}
		return nil, first
	}
	return r, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ignoredError reports whether a type checker message does not apply to a
// notebook: an import is used by later cells, and packages that are not
// standard (gokernel/display) are not type-checked.
func ignoredError(msg string) bool {
	return strings.Contains(msg, "imported") && strings.HasSuffix(msg, "and not used") || strings.HasPrefix(msg, "could not import")
}

// cellFile names the positions of the checked cell in the check file.
const cellFile = "cell.go"

// header returns the package clause, the imports and the stubs of the
// cells run before, minus what this cell declares again.
func (c *Checker) header(own map[string]bool, imports map[string]string, cellImports string) string {
	var b strings.Builder
	b.WriteString("package main\n")
	b.WriteString(cellImports)
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

// redefines reports whether a top-level := assigns a name the cell
// declared before (a, err := ... twice): it stays a statement.
func redefines(as *ast.AssignStmt, own map[string]bool) bool {
	for _, x := range as.Lhs {
		if id, ok := x.(*ast.Ident); ok && own[id.Name] {
			return true
		}
	}
	return false
}

// specNames returns the names a var, const or type spec declares.
func specNames(s ast.Spec) []string {
	var names []string
	switch s := s.(type) {
	case *ast.ValueSpec:
		for _, id := range s.Names {
			if id.Name != "_" {
				names = append(names, id.Name)
			}
		}
	case *ast.TypeSpec:
		names = append(names, s.Name.Name)
	}
	return names
}

// fileBuilder writes the check file's part for the cell, with /*line*/
// directives that give every piece of the cell its cell position.
type fileBuilder struct {
	src   string
	p     *Cell
	lines []int
	imps  strings.Builder // the cell's imports
	out   strings.Builder // the rest
	value [2]int          // the trailing expression's offsets
}

func lineStarts(src string) []int {
	lines := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// piece writes src[start:end] with its position.
func (b *fileBuilder) piece(start, end int) {
	end = min(end, len(b.src)) // an implicit semicolon may end past the text
	start = min(start, end)
	i := sort.Search(len(b.lines), func(i int) bool { return b.lines[i] > start }) - 1
	fmt.Fprintf(&b.out, "/*line %s:%d:%d*/%s", cellFile, i+1, start-b.lines[i]+1, b.src[start:end])
}

func (b *fileBuilder) node(n ast.Node) { b.piece(b.p.Off(n.Pos()), b.p.Off(n.End())) }

// gen writes generated text, positioned outside the cell.
func (b *fileBuilder) gen(text string) {
	b.out.WriteString("/*line gen.go:1:1*/" + text)
}

// item writes a package-level declaration of the cell.
func (b *fileBuilder) item(n ast.Node) {
	b.node(n)
	b.gen("\n")
}

// imports writes an import declaration of the cell.
func (b *fileBuilder) imports(gd *ast.GenDecl) {
	start, end := b.p.Off(gd.Pos()), b.p.Off(gd.End())
	i := sort.Search(len(b.lines), func(i int) bool { return b.lines[i] > start }) - 1
	fmt.Fprintf(&b.imps, "/*line %s:%d:%d*/%s\n", cellFile, i+1, start-b.lines[i]+1, b.src[start:end])
}

// define writes a top-level a, b := x, y as var a, b = x, y.
func (b *fileBuilder) define(as *ast.AssignStmt) {
	b.gen("var ")
	for i, x := range as.Lhs {
		if i > 0 {
			b.gen(", ")
		}
		b.node(x)
	}
	b.gen(" = ")
	for i, x := range as.Rhs {
		if i > 0 {
			b.gen(", ")
		}
		b.node(x)
	}
	b.gen("\n")
}

// body writes the cell's statements as the body of a function.
func (b *fileBuilder) body(stmts []ast.Stmt) {
	b.gen("func __gkcell() {\n")
	for _, st := range stmts {
		b.node(st)
		b.gen("\n")
	}
	b.gen("}\n")
	if n := len(stmts); n > 0 {
		if es, ok := stmts[n-1].(*ast.ExprStmt); ok {
			b.value = [2]int{b.p.Off(es.Pos()), b.p.Off(es.End())}
		}
	}
}

// isValue reports whether an error is Go's "x is not used" about the
// cell's trailing expression, which is not an error in a cell: it is the
// cell's value (Out[n]).
func (b *fileBuilder) isValue(pos token.Position, msg string) bool {
	if !strings.HasSuffix(msg, " is not used") || pos.Line < 1 || pos.Line > len(b.lines) {
		return false
	}
	off := b.lines[pos.Line-1] + pos.Column - 1
	return off >= b.value[0] && off < b.value[1]
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
			text = r.funcStub(n)
		case *ast.TypeSpec:
			text = "type " + r.text(n)
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
	return r.cell.src[r.cell.Off(n.Pos()):r.cell.Off(n.End())]
}

// funcStub is a func's declaration with a body that only panics.
func (r *Result) funcStub(fd *ast.FuncDecl) string {
	return r.cell.src[r.cell.Off(fd.Pos()):r.cell.Off(fd.Type.End())] + " { panic(0) }"
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
	found := false
	var visit func(t types.Type, depth int)
	visit = func(t types.Type, depth int) {
		if found || depth > 8 {
			return
		}
		switch t := t.(type) {
		case *types.Named:
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg().Path() != "main" && !obj.Exported() {
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

// constText writes a const stub with the constant's exact value.
func constText(obj *types.Const, q types.Qualifier) string {
	v := obj.Val().ExactString()
	if num, den, ok := strings.Cut(v, "/"); ok {
		v = "(" + num + ".0/" + den + ")"
	}
	if basic, ok := obj.Type().(*types.Basic); ok && basic.Info()&types.IsUntyped != 0 {
		if basic.Kind() == types.UntypedRune {
			return "const " + obj.Name() + " = rune(" + v + ")"
		}
		return "const " + obj.Name() + " = " + v
	}
	return "const " + obj.Name() + " " + types.TypeString(obj.Type(), q) + " = " + v
}
