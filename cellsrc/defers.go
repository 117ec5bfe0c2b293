package cellsrc

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// yaegi runs the deferred calls of a function in a loop that a panic in
// one of them leaves: the calls deferred before it do not run, so
// defer func() { recover() }() did not recover the panic of a func
// deferred after it (a re-panic, or a second panic), and the program
// ended with that panic. Go runs them all, and the last panic is the one
// recover returns.

// DeferredPanics rewrites the deferred func literals of body, a function
// whose deferred calls use recover, for Go's rule (defers are its defer
// statements, off gives the offset of a position in w's source): each
// literal runs through pending.Guard, which keeps its panic, a recover()
// in one becomes pending.Take(recover()), which returns the kept panic
// first, and the function starts with pending, whose Rethrow, deferred
// first, panics with a kept panic no deferred call recovered:
//
//	defer func() { ... recover() ... }()  ->  defer p.Guard(func() { ... p.Take(recover()) ... })
//
// It does nothing for a body with fewer than two deferred calls or
// without a deferred func literal. temp names the pending, newPending is
// the expression making it (a call of the kernel's runtime).
func DeferredPanics(w *Rewriter, off func(token.Pos) int, body *ast.BlockStmt, defers []*ast.DeferStmt, temp func() string, newPending string) {
	var lits []*ast.DeferStmt
	for _, d := range defers {
		if _, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok && len(d.Call.Args) == 0 {
			lits = append(lits, d)
		}
	}
	if len(defers) < 2 || len(lits) == 0 {
		return
	}
	p := temp()
	w.Insert(off(body.Lbrace)+1, " "+p+" := "+newPending+"; defer "+p+".Rethrow();")
	for _, d := range lits {
		lit := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false // recover there is not the deferred function's
			}
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "recover" {
					w.Insert(off(call.Pos()), p+".Take(") // inserts: other edits wrap recover() too
					w.Insert(off(call.End()), ")")
				}
			}
			return true
		})
		w.Add(off(d.Call.Pos()), off(d.Call.End()), func(w *Rewriter) string {
			return p + ".Guard(" + w.Render(off(lit.Pos()), off(lit.End())) + ")"
		})
	}
}

// DefersInLoops returns the defer statements of body, a function's, that
// are in a loop (not in func literals).
func DefersInLoops(body *ast.BlockStmt) map[*ast.DeferStmt]bool {
	inLoop := map[*ast.DeferStmt]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		var loop *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			loop = n.Body
		case *ast.RangeStmt:
			loop = n.Body
		}
		if loop != nil {
			ast.Inspect(loop, func(m ast.Node) bool {
				if d, ok := m.(*ast.DeferStmt); ok {
					inLoop[d] = true
				}
				_, lit := m.(*ast.FuncLit)
				return !lit
			})
		}
		return true
	})
	return inLoop
}

// DeferInLoop rewrites d, a defer statement in a loop, to evaluate its
// arguments when it runs, as Go does: yaegi evaluates them when the
// function returns, and a temporary in the loop body is one variable for
// all the iterations (defer fmt.Print(i) printed the last i three times).
// The call becomes a closure made by a call, which has a frame of its own:
//
//	defer f(a, b)  ->  tmp := func(p0 A, p1 B) func() { return func() { f(p0, p1) } }(a, b); defer tmp()
//
// temp names the closure; params are the types of the parameters the arguments are passed to, nil
// when the call cannot be written so (a method value, whose receiver Go
// evaluates at the defer statement too).
func DeferInLoop(w *Rewriter, off func(token.Pos) int, d *ast.DeferStmt, temp func() string, params []string) {
	call := d.Call
	if len(call.Args) == 0 || len(params) != len(call.Args) {
		return
	}
	tmp := temp()
	w.Add(off(d.Pos()), off(d.End()), func(w *Rewriter) string {
		var ps, names, args []string
		for i, a := range call.Args {
			n := tmp + "_" + strconv.Itoa(i)
			ps, names = append(ps, n+" "+params[i]), append(names, n)
			args = append(args, w.Render(off(a.Pos()), off(a.End())))
		}
		fun := w.Render(off(call.Fun.Pos()), off(call.Fun.End()))
		return tmp + " := func(" + strings.Join(ps, ", ") + ") func() { return func() { " + fun + "(" + strings.Join(names, ", ") + ") } }(" + strings.Join(args, ", ") + "); defer " + tmp + "()"
	})
}
