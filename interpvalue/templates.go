package interpvalue

import (
	htmltemplate "html/template"
	"strings"
	"text/template"
	"text/template/parse"
)

// TemplateCheck panics with a clear error when a template of t (a
// *text/template.Template or *html/template.Template) prints a value that
// Go prints with a String or Error method of the cells' types: compiled
// templates do not see those methods in the interpreter, and would print
// the bare value. printed are the fields whose values are of such types
// ("Price=Money"), "." for the data itself (see
// celltype.TemplateNames).
func TemplateCheck(t any, printed ...string) {
	types := map[string]string{}
	for _, p := range printed {
		field, typ, _ := strings.Cut(p, "=")
		types[field] = typ
	}
	var trees []*parse.Tree
	switch t := t.(type) {
	case *template.Template:
		for _, tt := range t.Templates() {
			trees = append(trees, tt.Tree)
		}
	case *htmltemplate.Template:
		for _, tt := range t.Templates() {
			trees = append(trees, tt.Tree)
		}
	}
	for _, tree := range trees {
		if tree == nil || tree.Root == nil {
			continue
		}
		if typ := printsIn(tree.Root, types); typ != "" {
			panic(runtimeError("the template prints a value of " + typ + ", which Go prints with its String (or Error) method; the interpreter's compiled templates do not see the methods of the cells' types and would print it without: give the template the string (a field or a map of strings), or run the cell compiled with %%compile"))
		}
	}
}

// printsIn returns the type (of types, by field name) of a value the
// nodes under n print, or "".
func printsIn(n parse.Node, types map[string]string) string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return ""
		}
		for _, c := range n.Nodes {
			if typ := printsIn(c, types); typ != "" {
				return typ
			}
		}
	case *parse.ActionNode:
		if n.Pipe == nil || len(n.Pipe.Decl) > 0 {
			return ""
		}
		for _, cmd := range n.Pipe.Cmds {
			for _, arg := range cmd.Args {
				if typ := printedArg(arg, types); typ != "" {
					return typ
				}
			}
		}
	case *parse.IfNode:
		return printsInBranch(&n.BranchNode, types, false)
	case *parse.WithNode:
		return printsInBranch(&n.BranchNode, types, true)
	case *parse.RangeNode:
		return printsInBranch(&n.BranchNode, types, true)
	}
	return ""
}

// printsInBranch is printsIn for an if, with or range: its lists, and, for
// a with or range over such a field (dot), a body that prints dot.
func printsInBranch(b *parse.BranchNode, types map[string]string, dot bool) string {
	if typ := printsIn(b.List, types); typ != "" {
		return typ
	}
	if typ := printsIn(b.ElseList, types); typ != "" {
		return typ
	}
	if !dot || b.Pipe == nil || len(b.Pipe.Cmds) == 0 || b.List == nil {
		return ""
	}
	last := b.Pipe.Cmds[len(b.Pipe.Cmds)-1]
	if len(last.Args) != 1 {
		return ""
	}
	typ := printedArg(last.Args[0], types)
	if typ == "" {
		return ""
	}
	for _, c := range b.List.Nodes {
		if a, ok := c.(*parse.ActionNode); ok && a.Pipe != nil && len(a.Pipe.Decl) == 0 {
			for _, cmd := range a.Pipe.Cmds {
				for _, arg := range cmd.Args {
					if _, isDot := arg.(*parse.DotNode); isDot {
						return typ
					}
				}
			}
		}
	}
	return ""
}

// printedArg returns the type of the value arg stands for, if it is one
// of types: a field whose last name is one of them, the data itself.
func printedArg(arg parse.Node, types map[string]string) string {
	var idents []string
	switch a := arg.(type) {
	case *parse.DotNode:
		return types["."]
	case *parse.FieldNode:
		idents = a.Ident
	case *parse.ChainNode:
		idents = a.Field
	case *parse.VariableNode:
		idents = a.Ident[1:]
	case *parse.PipeNode:
		for _, cmd := range a.Cmds {
			for _, arg := range cmd.Args {
				if typ := printedArg(arg, types); typ != "" {
					return typ
				}
			}
		}
	}
	if len(idents) == 0 {
		return ""
	}
	return types[idents[len(idents)-1]]
}
