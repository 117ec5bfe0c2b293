package cellsrc

import (
	"go/ast"
	"strings"
)

// RenameLabels returns src with each label named like another identifier
// of the cell, or like a name taken reports (the session's declarations),
// renamed in its declaration and its branch statements to a fresh name
// of the same length (offsets keep their meaning): yaegi looks labels up
// among the variables, so `continue words` in a loop labelled words over
// a slice named words was "label words not defined". It returns src
// unchanged when no label needs it.
func (p *Cell) RenameLabels(src string, taken func(string) bool) string {
	names := map[string]bool{}
	labelIdents := map[*ast.Ident]bool{}
	var labels []*ast.Ident
	for _, it := range p.Items {
		ast.Inspect(it, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.LabeledStmt:
				labelIdents[n.Label] = true
				labels = append(labels, n.Label)
			case *ast.BranchStmt:
				if n.Label != nil {
					labelIdents[n.Label] = true
					labels = append(labels, n.Label)
				}
			}
			return true
		})
	}
	if len(labels) == 0 {
		return src
	}
	for _, it := range p.Items {
		ast.Inspect(it, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !labelIdents[id] {
				names[id.Name] = true
			}
			return true
		})
	}
	used := func(s string) bool { return names[s] || taken != nil && taken(s) }
	renamed := map[string]string{}
	for _, l := range labels {
		if _, done := renamed[l.Name]; done || !used(l.Name) {
			continue
		}
		renamed[l.Name] = ""
		if fresh := freshName(len(l.Name), func(s string) bool { return used(s) || renamed[s] != "" }); fresh != "" {
			renamed[l.Name] = fresh
			names[fresh] = true
		}
	}
	b := []byte(src)
	changed := false
	for _, l := range labels {
		if to := renamed[l.Name]; to != "" {
			copy(b[p.Off(l.Pos()):], to)
			changed = true
		}
	}
	if !changed {
		return src
	}
	return string(b)
}

// freshName returns an identifier of n bytes that used does not report,
// or "" if it finds none.
func freshName(n int, used func(string) bool) string {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if n == 1 {
		for _, r := range letters {
			if !used(string(r)) {
				return string(r)
			}
		}
		return ""
	}
	for _, r := range letters {
		s := "_" + string(r) + strings.Repeat("_", n-2)
		if !used(s) {
			return s
		}
	}
	return ""
}
