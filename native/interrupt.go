package native

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"strings"
	"sync"
	"sync/atomic"
)

// Compiled code cannot be stopped by the interpreter, so it stops itself:
// every loop of a compiled function, and every function at its start,
// checks the worker's interrupt flag (stopFlag, one atomic load) and ends
// its goroutine when it is set (runtime.Goexit: deferred calls run, nothing
// is reported). The session sets the flag when a cell is interrupted and
// clears it once the compiled calls made since the cell started have
// returned (Interrupt).

// rtFile is the plugin's runtime: the hooks the host sets when it loads
// the plugin (link) and the check instrument inserts.
const rtFile = `package main

import (
	"runtime"
	"sync/atomic"
)

// Set by the host before any call.
var (
	X__gkStop  *atomic.Int32
	X__gkEnter func() uint64
	X__gkLeave func(uint64)
)

// __gkCheck ends the goroutine when the host interrupts the cells.
func __gkCheck() {
	if X__gkStop.Load() != 0 {
		runtime.Goexit()
	}
}
`

// stopFlag is the interrupt flag of the compiled code: non-zero while an
// interrupted cell waits for its compiled calls.
var stopFlag atomic.Int32

// instrument inserts the interrupt check at the start of every function
// and loop body of a plugin file. The file is printed again (without its
// comments).
func instrument(src string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "f.go", src, parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	check := func() ast.Stmt { return &ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("__gkCheck")}} }
	prepend := func(b *ast.BlockStmt) {
		if b != nil {
			b.List = append([]ast.Stmt{check()}, b.List...)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			prepend(n.Body)
		case *ast.ForStmt:
			prepend(n.Body)
		case *ast.RangeStmt:
			prepend(n.Body)
		}
		return true
	})
	var b strings.Builder
	if err := (&printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}).Fprint(&b, fset, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

// link sets the hooks of a plugin's runtime (rtFile) from its symbols.
func link(lookup func(string) (any, error)) {
	if sym, err := lookup("X__gkStop"); err == nil {
		if p, ok := sym.(**atomic.Int32); ok && *p == nil {
			*p = &stopFlag
		}
	}
	if sym, err := lookup("X__gkEnter"); err == nil {
		if p, ok := sym.(*func() uint64); ok && *p == nil {
			*p = Enter
		}
	}
	if sym, err := lookup("X__gkLeave"); err == nil {
		if p, ok := sym.(*func(uint64)); ok && *p == nil {
			*p = Leave
		}
	}
}

// running holds the calls of compiled functions from the interpreter that
// have not returned, by sequence number (see WaitCompiled).
var running struct {
	sync.Mutex
	seq   uint64
	calls map[uint64]bool
	left  *sync.Cond
}

func init() {
	running.calls = map[uint64]bool{}
	running.left = sync.NewCond(&running.Mutex)
}

// Enter and Leave bracket a call of a compiled function from the
// interpreter (the plugin's exported functions call them). Enter returns the call's
// sequence number, for Leave.
func Enter() uint64 {
	running.Lock()
	defer running.Unlock()
	running.seq++
	running.calls[running.seq] = true
	return running.seq
}

// Leave: see Enter.
func Leave(call uint64) {
	running.Lock()
	delete(running.calls, call)
	running.left.Broadcast()
	running.Unlock()
}

// Seq returns the sequence number of the last call entered.
func Seq() uint64 {
	running.Lock()
	defer running.Unlock()
	return running.seq
}

// Interrupt stops the compiled calls: it sets the interrupt flag, waits
// until the compiled calls running now that were entered after call since
// (the interrupted cell's) have returned, and clears the flag. A compiled
// call that does not return (blocked in a system call) keeps the cell
// running until the kernel replaces the worker (its grace period after an
// interrupt), instead of running on unseen.
func Interrupt(since uint64) {
	stopFlag.Store(1)
	defer stopFlag.Store(0)
	running.Lock()
	defer running.Unlock()
	var wait []uint64
	for c := range running.calls {
		if c > since {
			wait = append(wait, c)
		}
	}
	for _, c := range wait {
		for running.calls[c] {
			running.left.Wait()
		}
	}
}
