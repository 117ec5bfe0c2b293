package typecheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"gokernel/cellsrc"
	"sort"
	"strings"
)

// cellFile names the positions of the checked cell in the check file.
const cellFile = "cell.go"

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
	p     *cellsrc.Cell
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

// definesNew reports whether a := declares a name the cell has not
// declared before.
func definesNew(as *ast.AssignStmt, own map[string]bool) bool {
	for _, x := range as.Lhs {
		if id, ok := x.(*ast.Ident); ok && id.Name != "_" && !own[id.Name] {
			return true
		}
	}
	return false
}

// redefine writes a top-level t, err := x, with err declared by the cell
// before, as var t, __gkredef1 = x and a package-level assignment of
// __gkredef1 to err: t is the package's, as the cell compiler makes it.
func (b *fileBuilder) redefine(as *ast.AssignStmt, own map[string]bool) {
	var assigns []*ast.Ident
	b.gen("var ")
	for i, x := range as.Lhs {
		if i > 0 {
			b.gen(", ")
		}
		if id, ok := x.(*ast.Ident); ok && own[id.Name] {
			assigns = append(assigns, id)
			b.gen(fmt.Sprintf("__gkredef%d", len(assigns)))
			continue
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
	b.gen("\nvar _ = func() int {\n")
	for i, id := range assigns {
		b.node(id)
		b.gen(fmt.Sprintf(" = __gkredef%d\n", i+1))
	}
	b.gen("return 0\n}()\n")
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
