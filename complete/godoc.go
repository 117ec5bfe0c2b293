package complete

import (
	"context"
	"go/ast"
	"go/build"
	"go/doc"
	"go/doc/comment"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Inspection shows the documentation of standard packages, read from the
// Go sources (GOROOT/src) with go/doc when they are installed.

// docPkg is the documentation of a standard package.
type docPkg struct {
	*doc.Package
	fset *token.FileSet
}

// docCache holds the packages parsed so far (nil for those unavailable).
var docCache = struct {
	sync.Mutex
	m map[string]*docPkg
}{m: map[string]*docPkg{}}

// gorootSrc returns GOROOT/src, or "" when the Go sources are missing.
var gorootSrc = sync.OnceValue(func() string {
	for _, root := range []func() string{runtime.GOROOT, goEnvGOROOT} {
		if r := root(); r != "" {
			src := filepath.Join(r, "src")
			if _, err := os.Stat(filepath.Join(src, "fmt", "print.go")); err == nil {
				return src
			}
		}
	}
	return ""
})

// goEnvGOROOT asks the go command for GOROOT.
func goEnvGOROOT() string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// loadDoc returns the documentation of the standard package path, parsed
// once; nil if it is unavailable.
func loadDoc(path string) *docPkg {
	if _, std := stdPaths()[path]; !std && path != "builtin" {
		return nil
	}
	docCache.Lock()
	defer docCache.Unlock()
	p, ok := docCache.m[path]
	if !ok {
		p = parseDoc(path)
		docCache.m[path] = p
	}
	return p
}

// parseDoc parses the documentation of a standard package.
func parseDoc(path string) *docPkg {
	src := gorootSrc()
	if src == "" {
		return nil
	}
	ctxt := build.Default
	ctxt.GOROOT = filepath.Dir(src)
	bp, err := ctxt.ImportDir(filepath.Join(src, filepath.FromSlash(path)), 0)
	if err != nil {
		return nil
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range append(bp.GoFiles, bp.CgoFiles...) {
		if f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments); err == nil {
			files = append(files, f)
		}
	}
	mode := doc.Mode(0)
	if path == "builtin" { // its names are not exported
		mode = doc.AllDecls
	}
	p, err := doc.NewFromFiles(fset, files, path, mode)
	if err != nil {
		return nil
	}
	return &docPkg{p, fset}
}

// packageHelp returns the documentation of the standard package path: its
// first sentence, or all of it with detail.
func packageHelp(path string, detail int) *help {
	p := loadDoc(path)
	if p == nil {
		return nil
	}
	text := p.Doc
	if detail == 0 {
		text = p.Synopsis(p.Doc)
	}
	return p.textHelp("package "+p.Name+" // import \""+path+"\"", text)
}

// symbolHelp returns the documentation of name in the standard package
// path: a func, type, var or const, or Type.Member for a method, field or
// interface method; nil if not found.
func symbolHelp(path, name string, detail int) *help {
	p := loadDoc(path)
	if p == nil {
		return nil
	}
	typ, sel, isMember := strings.Cut(name, ".")
	for _, t := range p.Types {
		switch {
		case t.Name == typ && isMember:
			return p.memberHelp(t, sel)
		case t.Name == typ:
			return p.typeHelp(t, detail)
		case !isMember:
			if h := p.funcHelp(t.Funcs, name); h != nil {
				return h
			}
			if h := p.valueHelp(t.Consts, name); h != nil {
				return h
			}
			if h := p.valueHelp(t.Vars, name); h != nil {
				return h
			}
		}
	}
	if isMember {
		return nil
	}
	if h := p.funcHelp(p.Funcs, name); h != nil {
		return h
	}
	if h := p.valueHelp(p.Consts, name); h != nil {
		return h
	}
	return p.valueHelp(p.Vars, name)
}

// funcHelp returns the documentation of the func name among fs.
func (p *docPkg) funcHelp(fs []*doc.Func, name string) *help {
	for _, f := range fs {
		if f.Name == name {
			return p.help(f.Decl, f.Doc)
		}
	}
	return nil
}

// valueHelp returns the documentation of the var or const name among vs:
// its whole declaration group.
func (p *docPkg) valueHelp(vs []*doc.Value, name string) *help {
	for _, v := range vs {
		if slices.Contains(v.Names, name) {
			return p.help(v.Decl, v.Doc)
		}
	}
	return nil
}

// typeHelp returns the documentation of type t; with detail, the
// signatures of its functions and methods follow.
func (p *docPkg) typeHelp(t *doc.Type, detail int) *help {
	h := p.help(t.Decl, t.Doc)
	if detail > 0 {
		var sigs []string
		for _, f := range append(slices.Clip(t.Funcs), t.Methods...) {
			sigs = append(sigs, p.source(f.Decl))
		}
		h.more = strings.Join(sigs, "\n")
	}
	return h
}

// memberHelp returns the documentation of the method, field or interface
// method sel of type t.
func (p *docPkg) memberHelp(t *doc.Type, sel string) *help {
	if h := p.funcHelp(t.Methods, sel); h != nil {
		return h
	}
	for _, spec := range t.Decl.Specs {
		ts, ok := spec.(*ast.TypeSpec)
		if !ok || ts.Name.Name != t.Name {
			continue
		}
		var fields *ast.FieldList
		switch x := ts.Type.(type) {
		case *ast.StructType:
			fields = x.Fields
		case *ast.InterfaceType:
			fields = x.Methods
		default:
			return nil
		}
		for _, f := range fields.List {
			if !slices.ContainsFunc(f.Names, func(id *ast.Ident) bool { return id.Name == sel }) {
				continue
			}
			text := f.Doc.Text()
			if text == "" {
				text = f.Comment.Text()
			}
			if _, isFunc := f.Type.(*ast.FuncType); isFunc {
				return p.textHelp("func ("+t.Name+") "+sel+strings.TrimPrefix(p.source(f.Type), "func"), text)
			}
			return p.textHelp(sel+" "+p.source(f.Type)+" // field of "+t.Name, text)
		}
	}
	return nil
}

// help returns the documentation of a declaration.
func (p *docPkg) help(decl ast.Node, text string) *help {
	return p.textHelp(p.source(decl), text)
}

// textHelp returns the help of a signature and a doc comment; the
// Markdown links to pkg.go.dev.
func (p *docPkg) textHelp(sig, text string) *help {
	pr := p.Printer()
	pr.DocLinkURL = func(l *comment.DocLink) string {
		if l.ImportPath == "" {
			local := *l
			local.ImportPath = p.ImportPath
			l = &local
		}
		return l.DefaultURL("https://pkg.go.dev")
	}
	return &help{sig: sig, doc: strings.TrimSpace(text), md: string(pr.Markdown(p.Parser().Parse(text)))}
}

// maxSigLines bounds the declarations shown (long groups of constants).
const maxSigLines = 40

// source prints node as Go source.
func (p *docPkg) source(node ast.Node) string {
	var b strings.Builder
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&b, p.fset, node); err != nil {
		return ""
	}
	lines := strings.Split(b.String(), "\n")
	if len(lines) > maxSigLines {
		lines = append(lines[:maxSigLines], "\t// ...")
	}
	return strings.Join(lines, "\n")
}
