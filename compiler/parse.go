package compiler

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// parsePrefix is put before the cell text when parsing. Both prefixes have
// the same length and end in a newline, so a position's offset minus
// prefixLen is its offset in the cell, and its line minus one its cell line.
const (
	stmtPrefix = "package p;func _(){\n"
	declPrefix = "package p          \n"
	prefixLen  = len(stmtPrefix)
)

// Cell is a cell split into its top-level items, in source order:
// *ast.FuncDecl, import *ast.GenDecl, or ast.Stmt (var, const and type
// declarations come as *ast.DeclStmt).
type Cell struct {
	src   string
	Fset  *token.FileSet
	Items []ast.Node
}

// Off returns the cell offset of pos.
func (p *Cell) Off(pos token.Pos) int { return p.Fset.Position(pos).Offset - prefixLen }

// Parse parses a cell that mixes declarations and statements. Func
// declarations and imports are found with the scanner; the rest is parsed
// as the body of a function. Errors are scanner.ErrorList with cell lines
// plus one.
func Parse(src string) (*Cell, error) {
	funcs, imports := declRegions(src)
	p := &Cell{src: src, Fset: token.NewFileSet()}
	keep := func(regions []region, prefix, suffix string) string {
		return prefix + blankExcept(src, regions) + suffix
	}
	var all []region
	all = append(append(all, funcs...), imports...)
	body := stmtPrefix + blankRegions(src, all) + "\n}"
	f, err := parser.ParseFile(p.Fset, "", body, parser.AllErrors)
	if err != nil {
		return nil, err
	}
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		if _, empty := st.(*ast.EmptyStmt); !empty {
			p.Items = append(p.Items, st)
		}
	}
	for _, regs := range [][]region{imports, funcs} {
		if len(regs) == 0 {
			continue
		}
		f, err := parser.ParseFile(p.Fset, "", keep(regs, declPrefix, ""), parser.AllErrors)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			p.Items = append(p.Items, d)
		}
	}
	sort.SliceStable(p.Items, func(i, j int) bool { return p.Off(p.Items[i].Pos()) < p.Off(p.Items[j].Pos()) })
	return p, nil
}

// PrefixLen is what to subtract from an offset in the files of Sources to
// get an offset in the cell.
const PrefixLen = prefixLen

// Sources returns the two Go files a cell is parsed as, as Parse splits
// it: its func declarations and imports, and the rest of its code as the
// body of a function. Completion parses them with error recovery, for
// unfinished code.
func Sources(src string) (decls, stmts string) {
	funcs, imports := declRegions(src)
	all := append(append([]region(nil), funcs...), imports...)
	return declPrefix + blankExcept(src, all), stmtPrefix + blankRegions(src, all) + "\n}"
}

// region is a byte range of the cell.
type region struct{ start, end int }

// blankRegions returns src with the regions blanked (newlines kept).
func blankRegions(src string, regions []region) string {
	b := []byte(src)
	for _, r := range regions {
		for i := max(r.start, 0); i < min(r.end, len(b)); i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// blankExcept returns src with everything outside the regions blanked.
func blankExcept(src string, regions []region) string {
	b := []byte(src)
	in := make([]bool, len(src))
	for _, r := range regions {
		for i := max(r.start, 0); i < min(r.end, len(b)); i++ {
			in[i] = true
		}
	}
	for i := range b {
		if !in[i] && b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

type tok struct {
	off int
	tok token.Token
	lit string
}

func (t tok) end() int {
	if t.lit != "" && t.tok != token.SEMICOLON {
		return t.off + len(t.lit)
	}
	if t.tok == token.SEMICOLON {
		return t.off
	}
	return t.off + len(t.tok.String())
}

// scanTokens returns the tokens of src; scan errors are left to the parser.
func scanTokens(src string) []tok {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, tok{file.Offset(pos), t, lit})
	}
	return toks
}

// declRegions finds the top-level func declarations (and methods) and the
// import declarations of a cell.
func declRegions(src string) (funcs, imports []region) {
	toks := scanTokens(src)
	match := func(i int) int { // index of the bracket closing toks[i]
		depth := 0
		for j := i; j < len(toks); j++ {
			switch toks[j].tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
				if depth == 0 {
					return j
				}
			}
		}
		return len(toks) - 1
	}
	is := func(i int, t token.Token) bool { return i < len(toks) && toks[i].tok == t }
	atStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case atStart && t.tok == token.IMPORT:
			j := i + 1
			if is(j, token.LPAREN) {
				j = match(j)
			} else {
				for j+1 < len(toks) && toks[j+1].tok != token.SEMICOLON {
					j++
				}
			}
			j = min(j, len(toks)-1)
			imports = append(imports, region{t.off, toks[j].end()})
			i = j
		case atStart && t.tok == token.FUNC && (is(i+1, token.IDENT) || is(i+1, token.LPAREN) && isMethod(toks, match(i+1))):
			j := i + 1
			if is(j, token.LPAREN) {
				j = match(j) + 1
			}
			// Skip the signature up to the body or the end of the declaration.
			for j++; j < len(toks) && !is(j, token.LBRACE) && !is(j, token.SEMICOLON); j++ {
				switch toks[j].tok {
				case token.LPAREN, token.LBRACK:
					j = match(j)
				case token.INTERFACE, token.STRUCT:
					if is(j+1, token.LBRACE) {
						j = match(j + 1)
					}
				}
			}
			if is(j, token.LBRACE) {
				j = match(j)
			} else {
				j--
			}
			j = min(j, len(toks)-1)
			funcs = append(funcs, region{t.off, toks[j].end()})
			i = j
		case t.tok == token.LPAREN || t.tok == token.LBRACK || t.tok == token.LBRACE:
			i = match(i)
		}
		atStart = i < len(toks) && toks[i].tok == token.SEMICOLON
	}
	return funcs, imports
}

// isMethod reports whether the func whose receiver list closes at toks[j]
// is a method declaration (func (r T) Name(...)) rather than a literal.
func isMethod(toks []tok, j int) bool {
	return j+2 < len(toks) && toks[j+1].tok == token.IDENT && (toks[j+2].tok == token.LPAREN || toks[j+2].tok == token.LBRACK)
}

// IsComplete tells a console whether code can run: "incomplete" (with the
// indent of the next line) while brackets, strings or comments are open or
// the last token needs an operand, "invalid" for a syntax error.
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	open := false
	s.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		}
	}, 0)
	depth := 0
	last := token.ILLEGAL
	for {
		_, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if t != token.SEMICOLON || lit == ";" {
			last = t
		}
	}
	switch {
	case depth < 0:
		return "invalid", ""
	case open:
		return "incomplete", ""
	case depth > 0 || last.IsOperator() && last != token.RPAREN && last != token.RBRACK && last != token.RBRACE && last != token.INC && last != token.DEC && last != token.SEMICOLON:
		return "incomplete", strings.Repeat("\t", max(depth, 1))
	}
	if _, err := Parse(code); err != nil {
		return "invalid", ""
	}
	return "complete", ""
}

// isPrintCall reports whether x is a call whose results are only byte
// counts and errors of printing (fmt.Println and friends), not worth an Out.
func isPrintCall(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name == "print" || f.Name == "println"
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok && pkg.Obj == nil {
			switch pkg.Name {
			case "fmt":
				return strings.HasPrefix(f.Sel.Name, "Print") || strings.HasPrefix(f.Sel.Name, "Fprint")
			case "log":
				return true
			case "io":
				return f.Sel.Name == "WriteString"
			}
		}
		switch f.Sel.Name {
		case "Write", "WriteString", "WriteByte", "WriteRune", "Print", "Printf", "Println", "Fprintf":
			return true
		}
	}
	return false
}

// refsOf returns the identifiers n mentions: an over-approximation of the
// top-level names it depends on.
func refsOf(n ast.Node) map[string]bool {
	refs := map[string]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(n.X, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					refs[id.Name] = true
				}
				return true
			})
			return false
		case *ast.Ident:
			refs[n.Name] = true
		}
		return true
	})
	return refs
}

// syntaxError converts a parse error into a *cellError at cell positions.
func syntaxError(err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		msg := strings.ReplaceAll(e.Msg, "'EOF'", "end of cell")
		return &Error{Name: "SyntaxError", Msg: msg, Line: e.Pos.Line - 1, Col: e.Pos.Column}
	}
	return &Error{Name: "SyntaxError", Msg: err.Error()}
}

// An edit replaces src[start:end] (an insertion when start == end) with the
// text gen returns. gen may render original sub-ranges of its own range
// through the rewriter, so that edits nested inside them still apply.
type edit struct {
	start, end int
	seq        int
	gen        func(w *rewriter) string
}

// rewriter applies edits to a cell's source and emits /*line*/ directives so
// that every original byte keeps its cell position in yaegi's messages.
//
// yaegi resolves package names through the file name of positions, so the
// directives keep yaegi's file name (_.go) and encode the cell in the line:
// line serial*lineStride + n is line n of the cell with that serial.
type rewriter struct {
	src   string
	base  int   // added to line numbers: identifies the cell (see cellLine)
	lines []int // offsets of line starts
	edits []edit
	dirty bool

	depth   int          // nesting of render calls
	applied map[int]bool // edits applied by the current top-level render
}

// LineStride separates the line numbers of cells.
const LineStride = 100000

// CellLine splits a line of yaegi's positions into the serial of a cell and
// the line in it; serial is 0 for generated code.
func CellLine(line int) (serial, cellLine int) { return line / LineStride, line % LineStride }

func newRewriter(src string, serial int) *rewriter {
	w := &rewriter{src: src, base: serial * LineStride, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			w.lines = append(w.lines, i+1)
		}
	}
	return w
}

// lineCol returns the 1-based line and column of offset off.
func (w *rewriter) lineCol(off int) (int, int) {
	i := sort.Search(len(w.lines), func(i int) bool { return w.lines[i] > off }) - 1
	return i + 1, off - w.lines[i] + 1
}

// directive returns the /*line*/ comment giving offset off its cell position.
func (w *rewriter) directive(off int) string {
	l, c := w.lineCol(off)
	return "/*line _.go:" + strconv.Itoa(w.base+l) + ":" + strconv.Itoa(c) + "*/"
}

func (w *rewriter) add(start, end int, gen func(w *rewriter) string) {
	w.edits = append(w.edits, edit{start: start, end: end, seq: len(w.edits), gen: gen})
	w.dirty = true
}

// replace replaces src[start:end] with text.
func (w *rewriter) replace(start, end int, text string) {
	w.add(start, end, func(*rewriter) string { return text })
}

// insert inserts text at offset at.
func (w *rewriter) insert(at int, text string) { w.replace(at, at, text) }

func (w *rewriter) sorted() []edit {
	if w.dirty {
		sort.SliceStable(w.edits, func(i, j int) bool {
			a, b := w.edits[i], w.edits[j]
			if a.start != b.start {
				return a.start < b.start
			}
			if a.end != b.end {
				return a.end > b.end
			}
			return a.seq < b.seq
		})
		w.dirty = false
	}
	return w.edits
}

// render returns src[start:end] with the edits inside it applied (an
// insertion at end included), starting with a directive for start.
func (w *rewriter) render(start, end int) string {
	if w.depth == 0 {
		w.applied = map[int]bool{}
	}
	w.depth++
	defer func() { w.depth-- }()
	end = min(end, len(w.src)) // an implicit empty statement may end past the text
	var b strings.Builder
	pos, needDir := start, true
	emit := func(to int) {
		if to > pos {
			if needDir {
				b.WriteString(w.directive(pos))
				needDir = false
			}
			b.WriteString(w.src[pos:to])
		}
	}
	for _, e := range w.sorted() {
		if w.applied[e.seq] || e.start < pos || e.end > end || (e.start == end && e.end > e.start) {
			continue
		}
		w.applied[e.seq] = true
		emit(e.start)
		b.WriteString(e.gen(w))
		pos, needDir = e.end, true
	}
	emit(end)
	return b.String()
}

// text returns src[start:end] without edits or directives.
func (w *rewriter) text(start, end int) string { return w.src[start:min(end, len(w.src))] }
