// Package cellsrc is the source text of a cell: its split into func and
// import declarations and the rest (Parse, Sources), its completeness
// (IsComplete), its tokens, the edits the cell compiler makes to it with
// line directives that keep cell positions (Rewriter), and questions about
// its syntax trees that need no types (RefsOf, Mentions, IsPrintCall).
package cellsrc

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
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

// A Token is a token of a cell's text: its offset, kind and literal.
type Token struct {
	Off int
	Tok token.Token
	Lit string
}

// End returns the offset just after t.
func (t Token) End() int {
	if t.Lit != "" && t.Tok != token.SEMICOLON {
		return t.Off + len(t.Lit)
	}
	if t.Tok == token.SEMICOLON {
		return t.Off
	}
	return t.Off + len(t.Tok.String())
}

// Tokens returns the tokens of src; scan errors are left to the parser.
func Tokens(src string) []Token {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var toks []Token
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		toks = append(toks, Token{file.Offset(pos), t, lit})
	}
	return toks
}

// declRegions finds the top-level func declarations (and methods) and the
// import declarations of a cell.
func declRegions(src string) (funcs, imports []region) {
	toks := Tokens(src)
	match := func(i int) int { // index of the bracket closing toks[i]
		depth := 0
		for j := i; j < len(toks); j++ {
			switch toks[j].Tok {
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
	is := func(i int, t token.Token) bool { return i < len(toks) && toks[i].Tok == t }
	atStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case atStart && t.Tok == token.IMPORT:
			j := i + 1
			if is(j, token.LPAREN) {
				j = match(j)
			} else {
				for j+1 < len(toks) && toks[j+1].Tok != token.SEMICOLON {
					j++
				}
			}
			j = min(j, len(toks)-1)
			imports = append(imports, region{t.Off, toks[j].End()})
			i = j
		case atStart && t.Tok == token.FUNC && (is(i+1, token.IDENT) || is(i+1, token.LPAREN) && isMethod(toks, match(i+1))):
			j := i + 1
			if is(j, token.LPAREN) {
				j = match(j) + 1
			}
			// Skip the signature up to the body or the end of the declaration.
			for j++; j < len(toks) && !is(j, token.LBRACE) && !is(j, token.SEMICOLON); j++ {
				switch toks[j].Tok {
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
			funcs = append(funcs, region{t.Off, toks[j].End()})
			i = j
		case t.Tok == token.LPAREN || t.Tok == token.LBRACK || t.Tok == token.LBRACE:
			i = match(i)
		}
		atStart = i < len(toks) && toks[i].Tok == token.SEMICOLON
	}
	return funcs, imports
}

// isMethod reports whether the func whose receiver list closes at toks[j]
// is a method declaration (func (r T) Name(...)) rather than a literal.
func isMethod(toks []Token, j int) bool {
	return j+2 < len(toks) && toks[j+1].Tok == token.IDENT && (toks[j+2].Tok == token.LPAREN || toks[j+2].Tok == token.LBRACK)
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

// IsPrintCall reports whether x is a call whose results are only byte
// counts and errors of printing (fmt.Println and friends), not worth an Out.
func IsPrintCall(x ast.Expr) bool {
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

// RefsOf returns the identifiers n Mentions: an over-approximation of the
// top-level names it depends on.
func RefsOf(n ast.Node) map[string]bool {
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

// DeclarationsOf returns the declarations of a cell as source, in order.
func DeclarationsOf(code string) string {
	return strings.Join(DeclarationItems(code), "\n")
}

// DeclarationItems returns each top-level declaration of a cell (imports,
// consts, vars, types, funcs and methods, not statements), in order.
func DeclarationItems(code string) []string {
	p, err := Parse(code)
	if err != nil {
		return nil
	}
	var parts []string
	for _, it := range p.Items {
		switch n := it.(type) {
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "main" {
				continue
			}
		case *ast.GenDecl:
		case *ast.DeclStmt:
			if gd, ok := n.Decl.(*ast.GenDecl); !ok || gd.Tok == token.IMPORT {
				continue
			}
		default:
			continue
		}
		start, end := p.Off(it.Pos()), p.Off(it.End())
		if start >= 0 && end <= len(code) && start < end {
			parts = append(parts, code[start:end])
		}
	}
	return parts
}

// UsedNames returns the names among names that n Mentions.
func UsedNames(n ast.Node, names []string) []string {
	if len(names) == 0 {
		return nil
	}
	seen := map[string]bool{}
	ast.Inspect(n, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			seen[id.Name] = true
		}
		return true
	})
	var used []string
	for _, name := range names {
		if seen[name] {
			used = append(used, name)
		}
	}
	return used
}

// Mentions reports whether the identifier name occurs in n.
func Mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

func IsNil(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && id.Name == "nil"
}

// Normalize returns Go source as its tokens separated by spaces, so that
// layout and comments do not matter when definitions are compared.
func Normalize(src string) string {
	var b strings.Builder
	for _, t := range Tokens(src) {
		if t.Tok == token.SEMICOLON {
			continue
		}
		s := t.Lit
		if s == "" || t.Tok.IsOperator() && t.Tok.String() != "" {
			s = t.Tok.String()
		}
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()
}
