package cellsrc

import (
	"go/ast"
	"go/token"
)

// LoopBranches are the break and continue statements of a loop body that
// belong to the loop.
type LoopBranches struct {
	Breaks, Continues []*ast.BranchStmt
	Returns           []*ast.ReturnStmt
	Defers            []*ast.DeferStmt
}

// LoopBody returns the branches of body belonging to loop (labelled
// label, or ""), and false when the body cannot run as a function (its
// returns and defers neither: see rangeOverFunc).
func LoopBody(body *ast.BlockStmt, label string) (LoopBranches, bool) {
	var br LoopBranches
	ok := true
	// depth counts the statements inside the body that a plain break
	// (switch, select, loops) or continue (loops) binds to.
	var walk func(n ast.Node, breakDepth, loopDepth int)
	walk = func(n ast.Node, breakDepth, loopDepth int) {
		ast.Inspect(n, func(m ast.Node) bool {
			if !ok || m == nil {
				return false
			}
			if m == n {
				return true
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				br.Returns = append(br.Returns, m)
			case *ast.DeferStmt:
				br.Defers = append(br.Defers, m)
			case *ast.LabeledStmt:
				ok = false // labels inside: keep it simple
			case *ast.ForStmt, *ast.RangeStmt:
				walk(m, breakDepth+1, loopDepth+1)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(m, breakDepth+1, loopDepth)
				return false
			case *ast.BranchStmt:
				switch {
				case m.Tok == token.GOTO || m.Tok == token.FALLTHROUGH && breakDepth == 0:
					ok = false
				case m.Label != nil && m.Label.Name != label:
					ok = false
				case m.Tok == token.BREAK && (m.Label != nil || breakDepth == 0):
					br.Breaks = append(br.Breaks, m)
				case m.Tok == token.CONTINUE && (m.Label != nil || loopDepth == 0):
					br.Continues = append(br.Continues, m)
				}
			}
			return true
		})
	}
	walk(body, 0, 0)
	return br, ok
}
