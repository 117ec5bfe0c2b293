package complete

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"gokernel/interpvalue"
	"sort"
	"strings"
)

// help is what inspection shows: a Go declaration and its documentation.
type help struct {
	sig  string // Go source: a signature or a declaration
	doc  string // the doc comment, as plain text
	md   string // the doc comment as Markdown; "" to render doc
	more string // Go source after the doc: a value, a source, methods
}

// bundle returns the MIME bundle of h: text/plain and text/markdown.
func (h *help) bundle() map[string]any {
	plain, md := h.sig, "```go\n"+h.sig+"\n```"
	if h.doc != "" {
		if h.md == "" {
			h.md = string(new(comment.Printer).Markdown(new(comment.Parser).Parse(h.doc)))
		}
		plain += "\n\n" + h.doc
		md += "\n\n" + strings.TrimSpace(h.md)
	}
	if h.more != "" {
		plain += "\n\n" + h.more
		md += "\n\n```go\n" + h.more + "\n```"
	}
	// the instances of generics (Stack__gk2) by Go's names (Stack[int])
	plain, md = interpvalue.RenameInstances(plain), interpvalue.RenameInstances(md)
	return map[string]any{"text/plain": plain, "text/markdown": md}
}

// Inspect returns the documentation of the identifier at or before cursor
// (a rune offset) in session s: a MIME bundle with text/plain and
// text/markdown, and whether there is something to show.
func Inspect(session Session, code string, cursor, detail int) (data map[string]any, found bool) {
	s := host{session}
	defer func() {
		if recover() != nil {
			data, found = nil, false
		}
	}()
	cur := byteOffset(code, cursor)
	x, err := parser.ParseExpr(inspectTarget(code, cur))
	if err != nil {
		return nil, false
	}
	h := s.newScope(code, cur).describe(x, detail)
	if h == nil {
		return nil, false
	}
	return h.bundle(), true
}

// inspectTarget returns the expression to inspect at cur: the selector
// chain ending with the word under the cursor or, when there is none, the
// function of the call whose arguments hold the cursor.
func inspectTarget(code string, cur int) string {
	lit := literalAt(code, cur)
	switch {
	case lit.comment:
		return ""
	case lit.str:
		cur = lit.start - 1
	default:
		if start, end := wordBounds(code, cur); start < end && !startsWithDigit(code[start:end]) {
			return chainEndingAt(code, end)
		}
	}
	if open := unclosedBracket(code, cur); open >= 0 && code[open] == '(' {
		return chainEndingAt(code, open)
	}
	return ""
}

// describe returns the help of what x denotes, or nil.
func (sc *scope) describe(x ast.Expr, detail int) *help {
	switch x := x.(type) {
	case *ast.Ident:
		if e := sc.names[x.Name]; e != nil {
			return sc.entryHelp(e, detail)
		}
		if p := stdPackageNamed(x.Name); p != "" {
			return sc.packageHelp(p, detail)
		}
		return symbolHelp("builtin", x.Name, detail)
	case *ast.SelectorExpr:
		o := sc.object(x.X, 0)
		if o.pkg != "" {
			return sc.symbolHelp(o.pkg, x.Sel.Name, detail)
		}
		if m := sc.member(o.typ, x.Sel.Name, 0); m != nil {
			return memberHelp(m, detail)
		}
	}
	return nil
}

// entryHelp returns the help of a name of the cells: a func's signature
// (and source with detail), a type's definition and methods, a variable's
// type and value.
func (sc *scope) entryHelp(e *entry, detail int) *help {
	switch e.kind {
	case "import":
		return sc.packageHelp(e.path, detail)
	case "func":
		h := &help{sig: "func " + e.name + strings.TrimPrefix(e.typText, "func"), doc: e.doc}
		if detail > 0 {
			h.more = e.src
		}
		return h
	case "type":
		h := &help{sig: "type " + e.name + " " + e.typText, doc: e.doc}
		var sigs []string
		for name, m := range sc.methods[e.name] {
			sigs = append(sigs, "func ("+m.recv+") "+name+strings.TrimPrefix(m.signature(), "func"))
		}
		sort.Strings(sigs)
		h.more = strings.Join(sigs, "\n")
		return h
	}
	h := &help{sig: strings.TrimSpace(e.kind + " " + e.name + " " + sc.entryType(e)), doc: e.doc}
	if v, ok := sc.liveValue(e); ok {
		h.more = e.name + " = " + valueString(v, 200)
	}
	return h
}

// entryType returns the type of a var or const of the cells, "" if unknown.
func (sc *scope) entryType(e *entry) string {
	if e.typText != "" || e.val == nil {
		return e.typText
	}
	if t := sc.valueType(e.val, e.idx, 0); t != nil {
		return t.String()
	}
	return ""
}

// packageHelp returns the help of the package path: its documentation, or
// its name alone when its sources are missing.
func (sc *scope) packageHelp(path string, detail int) *help {
	if h := packageHelp(path, detail); h != nil {
		return h
	}
	if pi, ok := sc.s.pkgByPath(path); ok {
		return &help{sig: "package " + pi.name + " // import \"" + path + "\""}
	}
	return nil
}

// symbolHelp returns the help of the symbol name of package path: its
// documentation, or a declaration made by reflection when the sources are
// missing.
func (sc *scope) symbolHelp(path, name string, detail int) *help {
	if h := symbolHelp(path, name, detail); h != nil {
		return h
	}
	pi, _ := sc.s.pkgByPath(path)
	v, ok := pi.symbols()[name]
	if !ok {
		return nil
	}
	switch symKind(v) {
	case "function":
		return &help{sig: "func " + name + strings.TrimPrefix(symSignature(v), "func")}
	case "type":
		return &help{sig: "type " + name + " " + symSignature(v)}
	case "variable":
		return &help{sig: "var " + name + " " + symSignature(v)}
	}
	return &help{sig: "const " + name + " = " + symSignature(v)}
}

// memberHelp returns the help of a field or method: its documentation for
// a standard type, else its signature.
func memberHelp(m *member, detail int) *help {
	owner := m.recv
	if m.owner != nil {
		path := m.owner.PkgPath()
		if path == "" { // error
			path = "builtin"
		}
		if h := symbolHelp(path, m.owner.Name()+"."+m.name, detail); m.owner.Name() != "" && h != nil {
			return h
		}
		owner = typeString(m.owner)
	}
	switch {
	case m.kind == "field" && owner != "":
		return &help{sig: m.name + " " + m.sig + " // field of " + owner, doc: m.doc}
	case m.kind == "field":
		return &help{sig: m.name + " " + m.sig, doc: m.doc}
	case owner != "":
		return &help{sig: "func (" + owner + ") " + m.name + strings.TrimPrefix(m.sig, "func"), doc: m.doc}
	}
	return &help{sig: "func " + m.name + strings.TrimPrefix(m.sig, "func"), doc: m.doc}
}
