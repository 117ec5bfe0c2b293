package typecheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler"
	"os"
	"strconv"
	"strings"
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

// NewChecker returns a Checker for a new session, or nil when the standard
// library's sources are not installed (then cells are not type-checked).
func NewChecker() *Checker {
	fset, imp := shared()
	if imp == nil {
		return nil
	}
	return &Checker{fset: fset, imp: &modImporter{ImporterFrom: imp, pkgs: map[string]*types.Package{}}, imports: map[string]string{}, decls: map[string]*stub{}}
}

// recoverCheck makes Check recover from its own panics (the fuzz test
// turns it off to find them).
var recoverCheck = true

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
	p, err := cellsrc.Parse(src)
	if err != nil {
		return nil, nil
	}
	b := &fileBuilder{src: src, p: p, lines: lineStarts(src)}
	r := &Result{c: c, cell: p, src: src, imports: map[string]string{}, decls: map[string]ast.Node{}}
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
			} else if base, _ := cellsrc.RecvBase(n.Recv.List[0].Type); base != "" {
				own[base+"."+n.Name.Name] = true
				r.decls[base+"."+n.Name.Name] = n
			}
		case *ast.GenDecl: // imports
			b.imports(n)
			for _, s := range n.Specs {
				is := s.(*ast.ImportSpec)
				path, _ := strconv.Unquote(is.Path.Value)
				name := cellsrc.ImportName(path)
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
			if n.Tok == token.DEFINE && redefines(n, own) && definesNew(n, own) {
				// t, err := ... with err the cell's: t at the package
				// level, the value for err assigned to it in the body
				b.redefine(n, own)
				for _, x := range n.Lhs {
					if id, ok := x.(*ast.Ident); ok && id.Name != "_" && !own[id.Name] {
						own[id.Name] = true
						r.decls[id.Name] = n
					}
				}
				continue
			}
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
	var errs []types.Error
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
			errs = append(errs, te)
		},
	}
	r.info = &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	r.pkg, _ = conf.Check("main", c.fset, []*ast.File{f}, r.info)
	var first *compiler.Error
	var others int
	for _, te := range errs {
		if unknownEmbedding(r.pkg, te.Msg) {
			continue
		}
		if first == nil {
			pos := c.fset.Position(te.Pos)
			first = &compiler.Error{Name: "CompileError", Msg: te.Msg, Line: pos.Line, Col: pos.Column}
		} else {
			others++
		}
	}
	r.lines = b.lines
	r.funcs = r.cellFuncs(f)
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

// unknownEmbedding reports whether msg says that a selector is undefined
// on a type of the cells that embeds a type of a package the checker could
// not import (gokernel/display, gokernel/measure...): the field or method
// may well be the embedded type's.
func unknownEmbedding(pkg *types.Package, msg string) bool {
	_, rest, ok := strings.Cut(msg, "undefined (type ")
	if !ok || pkg == nil {
		return false
	}
	name, _, ok := strings.Cut(rest, " has no field or method")
	if !ok {
		return false
	}
	obj := pkg.Scope().Lookup(strings.TrimPrefix(strings.TrimPrefix(name, "*"), "main."))
	return obj != nil && embedsInvalid(obj.Type(), map[types.Type]bool{})
}

// embedsInvalid reports whether struct type t (or *t) embeds, directly or
// through embedded structs, a type the checker does not know.
func embedsInvalid(t types.Type, seen map[types.Type]bool) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() {
			ft := f.Type()
			if p, ok := ft.(*types.Pointer); ok {
				ft = p.Elem()
			}
			if ft == types.Typ[types.Invalid] || embedsInvalid(ft, seen) {
				return true
			}
		}
	}
	return false
}

// ignoredError reports whether a type checker message does not apply to a
// notebook: an import is used by later cells, and packages that are not
// standard (gokernel/display) are not type-checked.
func ignoredError(msg string) bool {
	return strings.Contains(msg, "imported") && strings.HasSuffix(msg, "and not used") || strings.HasPrefix(msg, "could not import")
}
