package complete

import (
	"go/ast"
	"go/parser"
	"go/types"
	"gokernel/autoimport"
	"gokernel/compiler"
	"gokernel/compiler/mono"
	"gokernel/interpvalue"
	"gokernel/magic"
	"reflect"
	"sort"
	"strings"
)

// Session is what completion and inspection read of the worker's session.
// Its methods are called while a cell may be running.
type Session interface {
	// Decls returns the declarations of the cells run, in definition
	// order, and true; or nil and false while a cell runs (the
	// declarations change then).
	Decls() ([]compiler.Decl, bool)
	// Value returns the current value of the global name, evaluating only
	// the name; false if it has none or a cell runs.
	Value(name string) (reflect.Value, bool)
	// Packages returns the gokernel packages cells can import, keyed as
	// yaegi keys them ("gokernel/display/display").
	Packages() map[string]map[string]reflect.Value
}

// host is a Session with the methods of this package.
type host struct{ Session }

// candidate is one completion match.
type candidate struct {
	text string
	kind string // function, method, field, variable, constant, type, keyword, module or magic
	sig  string // signature, type or import path; "" if unknown
}

// Complete returns the completions of session s for the code before
// cursor (a rune offset), the rune range [start,end) they replace, and
// metadata for Jupyter:
// {"_jupyter_types_experimental": [{"start", "end", "text", "type", "signature"}...]}.
func Complete(session Session, code string, cursor int) (matches []string, start, end int, metadata map[string]any) {
	s := host{session}
	defer func() {
		if recover() != nil {
			matches, start, end, metadata = nil, cursor, cursor, nil
		}
	}()
	cur := byteOffset(code, cursor)
	cands, bs, be := s.candidates(code, cur)
	start, end = runeOffset(code, bs), runeOffset(code, be)
	items := make([]any, 0, len(cands))
	for _, c := range cands {
		matches = append(matches, c.text)
		items = append(items, map[string]any{"start": start, "end": end, "text": c.text, "type": c.kind, "signature": interpvalue.RenameInstances(c.sig)})
	}
	return matches, start, end, map[string]any{"_jupyter_types_experimental": items}
}

// candidates returns the ranked completions at byte offset cur and the
// byte range they replace: the whole word around the cursor.
func (s host) candidates(code string, cur int) ([]candidate, int, int) {
	if start, ok := magicAt(code, cur); ok {
		_, end := wordBounds(code, cur)
		return rank(magicCandidates(), code[start:cur], false), start, end
	}
	switch lit := literalAt(code, cur); {
	case lit.comment || lit.str && !lit.imp:
		return nil, cur, cur
	case lit.imp:
		return rank(s.pathCandidates(), code[lit.start:cur], false), lit.start, lit.end
	}
	start, end := wordBounds(code, cur)
	prefix := code[start:cur]
	if startsWithDigit(prefix) {
		return nil, cur, cur
	}
	sc := s.newScope(code, cur)
	if start > 0 && code[start-1] == '.' {
		return rank(sc.selectorCandidates(chainEndingAt(code, start-1)), prefix, true), start, end
	}
	return rank(sc.globalCandidates(prefix), prefix, false), start, end
}

// rank keeps the candidates that start with prefix, ignoring case, once
// each, and sorts them: the exact match, then those with the same case,
// then the others; exported names first for members; alphabetically.
func rank(cands []candidate, prefix string, members bool) []candidate {
	type ranked struct {
		candidate
		group int
	}
	lower := strings.ToLower(prefix)
	seen := map[string]bool{}
	var rs []ranked
	for _, c := range cands {
		if seen[c.text] || c.text == "" {
			continue
		}
		seen[c.text] = true
		r := ranked{c, 0}
		switch {
		case c.text == prefix:
		case strings.HasPrefix(c.text, prefix):
			r.group = 2
		case strings.HasPrefix(strings.ToLower(c.text), lower):
			r.group = 4
		default:
			continue
		}
		if members && !ast.IsExported(c.text) {
			r.group++
		}
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.group != b.group {
			return a.group < b.group
		}
		if la, lb := strings.ToLower(a.text), strings.ToLower(b.text); la != lb {
			return la < lb
		}
		return a.text < b.text
	})
	out := make([]candidate, len(rs))
	for i, r := range rs {
		out[i] = r.candidate
	}
	return out
}

// magicCandidates returns the magics, with their usage.
func magicCandidates() []candidate {
	var cs []candidate
	for _, m := range magic.Table {
		if name := m.Name(); strings.HasPrefix(name, "%") {
			cs = append(cs, candidate{text: name, kind: "magic", sig: m.Usage})
		}
	}
	return cs
}

// pathCandidates returns the import paths of the packages cells can import.
func (s host) pathCandidates() []candidate {
	var cs []candidate
	for p, pi := range stdPaths() {
		cs = append(cs, candidate{text: p, kind: "module", sig: pi.name})
	}
	for key := range s.Packages() {
		p := key[:max(strings.LastIndexByte(key, '/'), 0)]
		cs = append(cs, candidate{text: p, kind: "module", sig: key[len(p)+1:]})
	}
	return cs
}

// globalCandidates returns the names usable at the start of an operand:
// the cells' names starting with prefix (ignoring case), Go's keywords and
// builtins, and the package names.
func (sc *scope) globalCandidates(prefix string) []candidate {
	var cs []candidate
	for name, e := range sc.names {
		if mono.IsInstanceName(name) {
			continue // an instance of a generic (Map__gk3), declared by the cell compiler
		}
		if strings.HasPrefix(strings.ToLower(name), strings.ToLower(prefix)) {
			cs = append(cs, sc.entryCandidate(name, e))
		}
	}
	cs = append(cs, builtinCandidates()...)
	for name := range autoimport.PackagesByName() {
		cs = append(cs, candidate{text: name, kind: "module", sig: stdPackageNamed(name)})
	}
	return cs
}

// entryKinds maps the kinds of declarations to completion types.
var entryKinds = map[string]string{"func": "function", "var": "variable", "const": "constant", "type": "type", "import": "module"}

// entryCandidate returns the completion of a cell name.
func (sc *scope) entryCandidate(name string, e *entry) candidate {
	c := candidate{text: name, kind: entryKinds[e.kind], sig: oneLine(sc.entryType(e), 80)}
	switch {
	case e.kind == "import":
		c.sig = e.path
	case e.kind == "type" && e.typeExpr() != nil:
		c.sig = oneLine(types.ExprString(e.typeExpr()), 80)
	}
	return c
}

// selectorCandidates returns the members of what chain denotes: the
// exported symbols of a package, or the fields and methods of a value or
// type.
func (sc *scope) selectorCandidates(chain string) []candidate {
	x, err := parser.ParseExpr(chain)
	if err != nil {
		return nil
	}
	o := sc.object(x, 0)
	var cs []candidate
	if o.pkg != "" {
		pi, _ := sc.s.pkgByPath(o.pkg)
		for name, v := range pi.symbols() {
			if ast.IsExported(name) {
				cs = append(cs, candidate{text: name, kind: symKind(v), sig: symSignature(v)})
			}
		}
		return cs
	}
	for _, m := range sc.members(o.typ, 0) {
		cs = append(cs, candidate{text: m.name, kind: m.kind, sig: m.sig})
	}
	return cs
}

// oneLine returns s on one line, with runs of spaces collapsed, cut to
// about n bytes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}
