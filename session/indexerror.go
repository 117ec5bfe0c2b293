package session

import (
	"context"
	"go/ast"
	"go/token"
	"gokernel/cellsrc"
	"strconv"
	"time"
)

// yaegi's index panics carry no numbers ("reflect: slice index out of
// range"). When the failing statement is top-level cell code indexing
// global variables, the kernel reads the index and the length back from
// the interpreter to give Go's message: "index out of range [5] with
// length 3". Anything it cannot be sure of (locals, calls, several
// candidates) keeps the plain message.

// indexDetail returns " [i] with length n" for the index expression that
// failed on line of cell c, or "".
func (s *Session) indexDetail(c *cellSrc, line int) string {
	p, err := cellsrc.Parse(c.src)
	if err != nil {
		return ""
	}
	local := nestedNames(p)
	var found []string
	for _, it := range p.Items {
		if _, isFunc := it.(*ast.FuncDecl); isFunc {
			continue
		}
		ast.Inspect(it, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false // locals of a function: not readable afterwards
			case *ast.IndexExpr:
				if p.Fset.Position(x.Pos()).Line-1 != line || !s.readable(x.X, local) || !s.readable(x.Index, local) {
					return true
				}
				if d := s.outOfRange(c.src[p.Off(x.X.Pos()):p.Off(x.X.End())], c.src[p.Off(x.Index.Pos()):p.Off(x.Index.End())]); d != "" {
					found = append(found, d)
				}
			}
			return true
		})
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// readable reports whether e only reads globals and constants (no calls,
// no names declared inside blocks of the cell).
func (s *Session) readable(e ast.Expr, local map[string]bool) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if n == nil || !ok {
			return false
		}
		switch x := n.(type) {
		case *ast.Ident:
			d := s.reg.lookup(x.Name)
			if local[x.Name] || d == nil || (d.Kind != "var" && d.Kind != "const" && d.Kind != "import") {
				ok = false
			}
		case *ast.SelectorExpr:
			ok = s.readable(x.X, local) // the field name itself is not a variable
			return false
		case *ast.BasicLit, *ast.BinaryExpr, *ast.ParenExpr, *ast.UnaryExpr:
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// outOfRange evaluates len(x) and index in the interpreter and returns the
// detail if the index is out of range.
func (s *Session) outOfRange(x, index string) string {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	lv, err := s.yi.EvalWithContext(ctx, "len("+x+")")
	if err != nil || !lv.CanInt() {
		return ""
	}
	iv, err := s.yi.EvalWithContext(ctx, "int("+index+")")
	if err != nil || !iv.CanInt() {
		return ""
	}
	n, i := lv.Int(), iv.Int()
	if i >= 0 && i < n {
		return ""
	}
	return " [" + strconv.FormatInt(i, 10) + "] with length " + strconv.FormatInt(n, 10)
}

// nestedNames returns the names a cell declares inside blocks, functions,
// loops and conditions: reading a global of the same name afterwards
// would not give the value the failing code saw.
func nestedNames(p *cellsrc.Cell) map[string]bool {
	names := map[string]bool{}
	add := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok {
			names[id.Name] = true
		}
	}
	for _, it := range p.Items {
		top := true
		ast.Inspect(it, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.AssignStmt:
				if x.Tok == token.DEFINE && !(top && n == it) {
					for _, l := range x.Lhs {
						add(l)
					}
				}
			case *ast.RangeStmt:
				add(x.Key)
				if x.Value != nil {
					add(x.Value)
				}
			case *ast.ValueSpec:
				if n != it {
					for _, id := range x.Names {
						names[id.Name] = true
					}
				}
			case *ast.Field:
				for _, id := range x.Names {
					names[id.Name] = true
				}
			}
			top = false
			return true
		})
	}
	return names
}
