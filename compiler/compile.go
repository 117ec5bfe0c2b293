// Package compiler turns a notebook cell into a plan that the session runs
// on yaegi: it parses the cell's mix of imports, declarations, statements
// and trailing expression, rewrites what yaegi runs wrongly, and splits the
// result into steps. It imports no interpreter, so it is tested alone.
package compiler

import (
	"go/ast"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/blocking"
	"gokernel/compiler/celltype"
	"gokernel/compiler/mono"
	"gokernel/interpvalue"
	"gokernel/stdlib/generic"
	"slices"
	"sort"
	"strconv"
)

// StepKind says how a step of a compiled cell is evaluated.
type StepKind int

const (
	StepDecls   StepKind = iota // package-level declarations, one file
	StepDefine                  // a top-level a, b := ..., becomes global
	StepCommaOK                 // v, ok := m[k] / <-ch / i.(T), declared then assigned
	StepStmts                   // statements, run in a fresh func literal
	StepExpr                    // the trailing expression: Out[n]
)

// Step is one evaluation of a compiled cell.
type Step struct {
	Kind  StepKind
	Src   string  // declarations, statements or expression (with line directives)
	Decls []*Decl // what the step defines
	// Assigns are method bodies (__gkm_T_M = func...) to run after stepDecls.
	Assigns  []string
	CallMain bool
	// Returns is set on statements holding a return of the cell: their
	// last statement calls Reached, and when a run of them ends without
	// reaching it, a return ended the cell.
	Returns bool
	// stepCommaOK: LHS names ("_" for none), the comma-ok expression and,
	// for a type assertion, the asserted type.
	LHS        [2]string
	AssertType string
	// stepExpr: the expression is a Call, so it may have 0 or several values.
	Call bool
	// Block is the code of the marker of the step's first operation that
	// may block (stepDefine, stepCommaOK, stepExpr: see package blocking), 0 if
	// none.
	Block int
}

// Import is one import of a cell.
type Import struct {
	Name, Path string // name is "" for the package's own name
	Src        string
	Off        int
}

// Plan is a compiled cell.
type Plan struct {
	Imports []Import
	Steps   []*Step
	Defers  bool // run the deferred calls of top-level defers at the end
	// DeferLits are the func literals of the cell's top-level
	// defer func() {...}() statements, by the index they register in
	// __gkDeferLits.
	DeferLits []string
}

// Env is what the compiler needs to know about the session.
type Env interface {
	// Lookup returns the declaration of a top-level name, or nil.
	Lookup(name string) *Decl
	// TypeOf returns the type of a global expression, or "" if unknown.
	TypeOf(expr string) string
}

// compiler turns a cell into a plan.
type compiler struct {
	p       *cellsrc.Cell
	w       *cellsrc.Rewriter
	env     Env
	count   int
	errs    []error
	nGo     int
	defined map[string]bool // top-level names the cell defines
	folded  map[*ast.CallExpr]bool
	defers  bool // the cell has top-level defer statements

	loopCopies []loopCopy              // loops whose variables are copied per iteration
	types      Types                   // the cell's types (noTypes when unknown)
	labeled    map[ast.Stmt]bool       // statements with a label
	labels     map[ast.Stmt]string     // their labels
	topDefers  map[*ast.DeferStmt]bool // defers among the cell's top-level statements
	framed     map[*ast.FuncLit]bool   // literals made in a frame of their own (ownFrame)
	// genericDone are the selectors genericCall rewrote with their index.
	genericDone map[*ast.SelectorExpr]bool
	nTemp       int              // temporaries made by lowerings
	deferLits   []string         // see Plan.DeferLits
	marker      *blocking.Marker // the blocking points and timers (package blocking)
	// splitSpecs are the top-level var specs declared, then assigned (see
	// varGroups).
	splitSpecs map[*ast.ValueSpec]bool
	varRun     map[string]int // the group of each name a top-level var declares
	varRunOf   map[*ast.ValueSpec]int
	defines    map[string]bool            // names of the cell's top-level defines
	recovers   bool                       // the cell calls recover: see boundsCheck
	called     map[*ast.SelectorExpr]bool // the functions of calls
	// boundMethods are the closures of called method values (methodValue).
	boundMethods map[*ast.SelectorExpr]func() string
	assertDone   map[*ast.TypeAssertExpr]bool // lowered by lowerAssert
	// variadicCalled are the called variadic generic functions
	// (variadicGenericCall).
	variadicCalled map[*ast.Ident]bool
	variadicArgs   map[*ast.CallExpr][]ast.Expr // their calls' arguments (callArgs)
	typeAt         map[string]int               // the offsets of the types the cell declares
	// calledFuncs are the functions of calls, instanceOf the explicit
	// instantiations of names (genericFuncValue).
	calledFuncs map[ast.Expr]bool
	instanceOf  map[*ast.Ident]ast.Expr
	stmtEnd     int // the end of the statement being compiled, -1 in declarations (scopeNames)
}

// Compile compiles src, the cell with execution count count and
// serial serial, without type information. Errors are *Error.
func Compile(src string, count, serial int, e Env) (*Plan, error) {
	return CompileChecked(src, count, serial, e, nil)
}

// CompileChecked compiles src with the types Go's type checker found in
// it (checked may be nil): the rewrites that need types are then made.
func CompileChecked(src string, count, serial int, e Env, checked Types) (*Plan, error) {
	if checked == nil {
		checked = noTypes{}
	}
	p, err := cellsrc.Parse(src)
	if err != nil {
		return nil, syntaxError(err)
	}
	if renamed := p.RenameLabels(src, func(name string) bool {
		return checked.Scope() != nil && checked.Scope().Lookup(name) != nil
	}); renamed != src {
		src = renamed
		if p, err = cellsrc.Parse(src); err != nil {
			return nil, syntaxError(err)
		}
	}
	c := &compiler{p: p, w: cellsrc.NewRewriter(src, serial), env: e, count: count, defined: map[string]bool{}, folded: map[*ast.CallExpr]bool{}, types: checked, labeled: map[ast.Stmt]bool{}, labels: map[ast.Stmt]string{}, genericDone: map[*ast.SelectorExpr]bool{}, topDefers: map[*ast.DeferStmt]bool{}, framed: map[*ast.FuncLit]bool{}, called: map[*ast.SelectorExpr]bool{}, boundMethods: map[*ast.SelectorExpr]func() string{}, assertDone: map[*ast.TypeAssertExpr]bool{}, variadicCalled: map[*ast.Ident]bool{}, variadicArgs: map[*ast.CallExpr][]ast.Expr{}, calledFuncs: map[ast.Expr]bool{}, instanceOf: map[*ast.Ident]ast.Expr{}, typeAt: map[string]int{}, stmtEnd: -1}
	if m, ok := checked.(interface{ Moved() []cellsrc.Moved }); ok {
		for _, x := range m.Moved() {
			c.w.Move(x) // instances of generics, at the generics' lines
		}
	}
	c.marker = blocking.New(p, c.w, checked, RuntimeName, c.temp)
	c.collectDefined()
	c.renameFieldTypeParams()
	c.recovers = c.callsRecover(src)
	var top []ast.Stmt // top-level statements that run in a step of statements
	for i, it := range p.Items {
		c.enterItem(it)
		c.marker.Mark(it, i == len(p.Items)-1) // first: its markers go before other insertions
		c.checkTopLevel(it)
		c.checkHidden(it)
		ast.Inspect(it, c.rewrite)
		if st, ok := it.(ast.Stmt); ok {
			if as, isAssign := st.(*ast.AssignStmt); !(isAssign && as.Tok == token.DEFINE) {
				top = append(top, st)
			}
		}
	}
	c.lowerReceives(top)
	if len(c.errs) > 0 {
		return nil, c.errs[0]
	}
	return c.plan()
}

// rewrite is the ast.Inspect visitor applying every rewrite and check.
func (c *compiler) rewrite(n ast.Node) bool {
	if x, ok := n.(ast.Expr); ok && c.constExpr(x) {
		return false
	}
	c.rewriteTypes(n)
	switch n := n.(type) {
	case *ast.ForStmt:
		c.rewriteFor(n)
		c.closuresInLoop(n.Body)
		c.commaOKInLoop(n.Body)
	case *ast.RangeStmt:
		c.rewriteRange(n)
		c.closuresInLoop(n.Body)
		c.commaOKInLoop(n.Body)
	case *ast.GoStmt:
		c.rewriteGo(n)
	case *ast.SelectStmt:
		c.marker.LowerSelect(n, c.labeled[n])
	case *ast.SwitchStmt, *ast.TypeSwitchStmt:
		c.lowerSwitch(n.(ast.Stmt))
	case *ast.CallExpr:
		c.calledFuncs[ast.Unparen(n.Fun)] = true
		c.variadicGenericCall(n) // first: the slice is the outer edit
		c.rewriteBuiltin(n)
		c.lowerFormat(n)
		c.lowerCompiledCall(n)
		c.lowerErrorsAs(n)
		c.checkReflect(n)
		c.spreadFuncArgs(n)
		c.copyIntoInterfaces(n) // before conversions: T(x) inside, boxes outside
		c.conversions(n)
		c.boxedConversion(n)
		if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "delete" && len(n.Args) == 2 && !c.userDefined("delete") {
			c.anyMapKey(n.Args[0], n.Args[1])
		}
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			c.called[sel] = true
		}
	case *ast.DeclStmt:
		c.typedVarCalls(n)
	case *ast.GenDecl:
		c.constValues(n)
		c.forwardPromoted(n)
		c.splitInterfaceSpecs(n)
	case *ast.TypeSpec:
		c.tagStructFields(n)
	case *ast.AssignStmt, *ast.ValueSpec, *ast.SendStmt, *ast.CompositeLit:
		c.copyIntoInterfaces(n)
		c.conversions(n)
		c.lowerCommaOKAssert(n)
		if as, ok := n.(*ast.AssignStmt); ok {
			c.boxIntoCompiledFields(as)
		}
		if lit, ok := n.(*ast.CompositeLit); ok {
			c.mapLiteralKeys(lit)
		}
	case *ast.TypeAssertExpr:
		c.lowerAssert(n, false)
	case *ast.MapType:
		c.checkInterfaceKey(n)
	case *ast.IndexExpr, *ast.IndexListExpr:
		c.noteInstance(n.(ast.Expr))
		if !c.iterSeq(n.(ast.Expr)) && !c.aliasUse(n.(ast.Expr)) && !c.genericCall(n.(ast.Expr)) {
			c.partialTypeArgs(n.(ast.Expr))
		}
		if c.recovers {
			c.boundsCheck(n.(ast.Expr))
		}
		if ix, ok := n.(*ast.IndexExpr); ok {
			c.anyMapKey(ix.X, ix.Index)
		}
	case *ast.SliceExpr:
		if c.recovers {
			c.boundsCheck(n)
		}
	case *ast.SelectorExpr:
		c.selectReceived(n)
		if !c.genericDone[n] && !c.genericCall(n) && !c.stdSource(n) {
			c.checkSelector(n)
			c.embeddedInterfaceMethod(n)
			c.methodValue(n)
		}
	case *ast.FuncDecl:
		c.checkVariadicGeneric(n)
		c.nilReturns(n, n.Body)
		if n.Body != nil {
			c.boxReturns(n.Type, n.Body)
			if fn, ok := c.types.Def(c.off(n.Name.Pos())).(*types.Func); ok {
				c.copyReturns(fn.Signature(), n.Body)
			}
			c.lowerReturns(n.Type, n.Body)
			c.lowerDefers(n.Body)
		}
	case *ast.FuncLit:
		c.nameParams(n.Type)
		c.capturedLiteralAssigns(n)
		c.nilReturns(n, n.Body)
		c.boxReturns(n.Type, n.Body)
		if sig, ok := c.types.ExprType(c.off(n.Pos()), c.off(n.End())).(*types.Signature); ok {
			c.copyReturns(sig, n.Body)
		}
		c.lowerReturns(n.Type, n.Body)
		c.lowerDefers(n.Body)
	case *ast.BlockStmt:
		c.lowerReceives(n.List)
	case *ast.CaseClause:
		c.lowerReceives(n.Body)
	case *ast.CommClause:
		c.lowerReceives(n.Body)
	case *ast.LabeledStmt:
		c.labeled[n.Stmt] = true
		c.labels[n.Stmt] = n.Label.Name
	}
	return true
}

// checkTypesAgain refuses a type of the cell declared before with
// another definition (yaegi cannot change a type), in the cell's order
// (before the plan declares instances first): a generic type declared
// again differently is refused as itself, not as its instance.
func (c *compiler) checkTypesAgain() error {
	for _, it := range c.p.Items {
		ds, ok := it.(*ast.DeclStmt)
		if !ok {
			continue
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			if old := c.env.Lookup(ts.Name.Name); old != nil && old.Kind == "type" && old.Norm != cellsrc.Normalize(c.text(ts)) {
				c.errorAt(c.off(ts.Pos()), "type %s is already defined with a different definition; yaegi cannot change a type: run %%reset (or restart the kernel) and run the cells again", interpvalue.RenameInstances(ts.Name.Name))
				return c.errs[0]
			}
		}
	}
	return nil
}

// declaration reports whether item declares a function, types or
// constants (no code runs).
func declaration(item ast.Node) bool {
	switch n := item.(type) {
	case *ast.FuncDecl:
		return true
	case *ast.DeclStmt:
		gd, ok := n.Decl.(*ast.GenDecl)
		return ok && (gd.Tok == token.TYPE || gd.Tok == token.CONST)
	}
	return false
}

// plan classifies the cell's items into steps.
func (c *compiler) plan() (*Plan, error) {
	pl := &Plan{}
	var group *Step
	var run []ast.Stmt
	flushRun := func() {
		if len(run) > 0 {
			src := c.w.Render(c.off(run[0].Pos()), c.off(run[len(run)-1].End()))
			st := &Step{Kind: StepStmts, Src: src, Returns: topReturn(run)}
			if st.Returns {
				st.Src += "\n" + RuntimeName + ".Reached()"
			}
			pl.Steps = append(pl.Steps, st)
			run = nil
		}
	}
	addDecl := func(src string, d *Decl) *Step {
		flushRun()
		if group == nil {
			group = &Step{Kind: StepDecls}
			pl.Steps = append(pl.Steps, group)
		}
		group.Src += src + "\n"
		if d != nil {
			group.Decls = append(group.Decls, d)
		}
		return group
	}
	other := func(s *Step) {
		flushRun()
		group = nil
		pl.Steps = append(pl.Steps, s)
	}
	stmts := func(s *Step) { // statements in order, the group going on
		flushRun()
		pl.Steps = append(pl.Steps, s)
	}
	c.varGroups()
	// the instances of the cells' generics (package mono), written after
	// the cell's code, are declared before its statements run, with the
	// cell's functions, types and constants they may use
	if err := c.checkTypesAgain(); err != nil {
		return nil, err
	}
	if slices.ContainsFunc(c.p.Items, mono.IsInstance) {
		rank := func(it ast.Node) int {
			switch {
			case mono.IsInstance(it):
				return 0 // first: an alias of one (type IntVec = Vec[int]) lacked its methods
			case declaration(it):
				return 1
			}
			return 2
		}
		sort.SliceStable(c.p.Items, func(i, j int) bool { return rank(c.p.Items[i]) < rank(c.p.Items[j]) })
	}
	own := map[string]bool{} // the variables declared so far at the top level
	for i, it := range c.p.Items {
		last := i == len(c.p.Items)-1
		if i > 0 {
			cellsrc.TopNames(c.p.Items[i-1], own)
		}
		switch it := it.(type) {
		case *ast.GenDecl: // import
			flushRun()
			for _, sp := range it.Specs {
				is := sp.(*ast.ImportSpec)
				path, _ := strconv.Unquote(is.Path.Value)
				spec := Import{Path: path, Off: c.off(is.Pos()), Src: "import " + c.render(is)}
				if is.Name != nil {
					spec.Name = is.Name.Name
				}
				pl.Imports = append(pl.Imports, spec)
			}
		case *ast.FuncDecl:
			if err := c.funcDecl(it, addDecl); err != nil {
				return nil, err
			}
		case *ast.DeclStmt:
			if err := c.genDecl(it.Decl.(*ast.GenDecl), addDecl, other, stmts); err != nil {
				return nil, err
			}
		case *ast.AssignStmt:
			if it.Tok != token.DEFINE {
				run = append(run, it)
				continue
			}
			if decl, assign, ds := c.reusedDefine(it, own); decl != "" {
				other(&Step{Kind: StepDecls, Src: decl + "\n", Decls: ds})
				stmts(&Step{Kind: StepStmts, Src: assign, Block: c.marker.Block(it)})
				continue
			}
			if s := c.commaOK(it.Lhs, it.Rhs); s != nil {
				s.Block = c.marker.Block(it)
				other(s)
				continue
			}
			if decl, assign, ds := c.splitDefine(it); decl != "" {
				other(&Step{Kind: StepDecls, Src: decl + "\n", Decls: ds})
				stmts(&Step{Kind: StepStmts, Src: assign, Block: c.marker.Block(it)})
				continue
			}
			runeLiterals(c.w, c.p, it.Rhs)
			s := &Step{Kind: StepDefine, Src: c.multiValueDefine(it), Block: c.marker.Block(it)}
			for _, l := range it.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					s.Decls = append(s.Decls, &Decl{Name: id.Name, Kind: "var", Refs: cellsrc.RefsOf(it)})
				}
			}
			other(s)
		case *ast.ExprStmt:
			if last && !cellsrc.IsPrintCall(it.X) {
				call, isCall := ast.Unparen(it.X).(*ast.CallExpr)
				other(&Step{Kind: StepExpr, Src: c.render(it.X), Call: isCall && !c.folded[call], Block: c.marker.Block(it)})
				continue
			}
			run = append(run, it)
		case ast.Stmt:
			run = append(run, it)
		}
	}
	flushRun()
	// main runs after the cell's other steps (a var assigned in a step of
	// its own after the declarations: it was nil when main ran)
	for i, st := range pl.Steps {
		if st.CallMain && i < len(pl.Steps)-1 {
			st.CallMain = false
			at := len(pl.Steps)
			if pl.Steps[at-1].Kind == StepExpr {
				at--
			}
			pl.Steps = slices.Insert(pl.Steps, at, &Step{Kind: StepStmts, Src: MainName + "()"})
			break
		}
	}
	pl.Defers = c.defers
	pl.DeferLits = c.deferLits
	return pl, nil
}

// genDecl adds var, const and type declarations.
func (c *compiler) genDecl(gd *ast.GenDecl, addDecl func(string, *Decl) *Step, other, stmts func(*Step)) error {
	switch gd.Tok {
	case token.CONST:
		s := addDecl(c.render(gd), nil)
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			for _, id := range vs.Names {
				if id.Name != "_" {
					s.Decls = append(s.Decls, &Decl{Name: id.Name, Kind: "const", Type: c.specType(vs), Refs: cellsrc.RefsOf(vs)})
				}
			}
		}
	case token.VAR:
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Names) == 2 && len(vs.Values) == 1 {
				if s := c.commaOK([]ast.Expr{vs.Names[0], vs.Names[1]}, vs.Values); s != nil {
					other(s)
					continue
				}
			}
			if c.blankCheck(vs) {
				continue
			}
			c.nameBlanks(vs)
			decl, assign := c.splitVar(gd, vs)
			var s *Step
			switch {
			case decl == "":
				s = addDecl("var "+c.render(vs), nil)
			case decl[0] == ':':
				s = &Step{Kind: StepDefine, Src: decl[1:]}
				other(s)
			default:
				s = addDecl(decl, nil)
			}
			for _, id := range vs.Names {
				if id.Name != "_" {
					s.Decls = append(s.Decls, &Decl{Name: id.Name, Kind: "var", Type: c.specType(vs), Refs: cellsrc.RefsOf(vs)})
				}
			}
			if assign != "" {
				stmts(&Step{Kind: StepStmts, Src: assign})
			}
		}
	case token.TYPE:
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			norm := cellsrc.Normalize(c.text(ts))
			if old := c.env.Lookup(ts.Name.Name); old != nil && old.Kind == "type" && old.Norm == norm {
				continue // re-running the same definition (another is refused by checkTypesAgain)
			}
			if n, ok := defType(c.types.Def(c.off(ts.Name.Pos()))).(*types.Named); ok && n.TypeParams().Len() > 0 && celltype.HiddenGeneric(n) {
				continue // yaegi hangs building it: only its instances are declared (package mono)
			}
			src := "type " + c.render(ts)
			n, ok := defType(c.types.Def(c.off(ts.Name.Pos()))).(*types.Named)
			if ok {
				src += celltype.TypeNameMethodDecl(n)
			}
			if ok && celltype.NeedsKeepMethod(n) {
				src += "\nfunc (" + ts.Name.Name + ") " + celltype.KeepMethod + "() {}\nfunc (*" + ts.Name.Name + ") " + celltype.KeepMethod + "P() {}"
			} else if ok {
				src += celltype.RegisterStructDecl(n, ts, RuntimeName) + c.promotedFmtMethods(n, ts) + celltype.SelfMethodDecl(n, "")
			}
			addDecl(src, &Decl{Name: ts.Name.Name, Kind: "type", Type: c.text(ts.Type), Norm: norm, Refs: cellsrc.RefsOf(ts)})
		}
	}
	return nil
}

// RuntimePath is the host package generated code calls, imported by the prelude
// under RuntimeName.
const (
	RuntimePath = "gokernel/cellrt"
	RuntimeName = "__gkrt"
	MainName    = "__gkmain" // what a cell's func main is renamed to
)

// Prelude is evaluated once per session: the imports and helpers that
// generated code uses. Its names start with __gk and are never shown.
const Prelude = `package main
import (__gkfmt "fmt"; __gksync "sync")
import ` + RuntimeName + ` "` + RuntimePath + `"
import ` + generic.Name + ` "` + generic.Path + `"
type __gkNever struct{ __gkNever int }
func __gkMin[__gkT any](a, b __gkT) __gkT { if b < a { return b }; return a }
func __gkMax[__gkT any](a, b __gkT) __gkT { if b > a { return b }; return a }
func __gkMapKey(k any) any { return ` + RuntimeName + `.MapKey(k) }
func __gkReflectOperand(fn string, k any) any { return ` + RuntimeName + `.ReflectOperand(fn, k) }
var __gkDefers []func()
var __gkDeferLits []int
func __gkRunDefers() {
	__gkDeferLits = nil
	for len(__gkDefers) > 0 {
		f := __gkDefers[len(__gkDefers)-1]
		__gkDefers = __gkDefers[:len(__gkDefers)-1]
		f()
	}
}
` + generic.Source
