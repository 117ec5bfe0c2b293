package compiler

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"gokernel/cellsrc"
	"gokernel/compiler/celltype"
	"slices"
	"strconv"
	"strings"
)

// The checker's types (Types, at the end of the file) and what the cell
// compiler makes explicit with them for yaegi: the type parameters and
// type arguments of the cells' generic code (yaegi infers type arguments
// wrongly, panics on partial lists of them, and cannot convert to a type
// parameter), comparisons of interface values, and type aliases.

// rewriteTypes applies to n the rewrites of type parameters, type
// arguments, interface comparisons and aliases (the rewrite visitor calls
// it first; aliasUse and partialTypeArgs of index expressions come in
// order with the others in the visitor).
func (c *compiler) rewriteTypes(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		c.typeParamConversion(n)
	case *ast.GenDecl:
		c.aliasDecls(n)
	case *ast.TypeSpec:
		c.typeSetConstraints(n.TypeParams)
	case *ast.FuncDecl:
		c.typeSetConstraints(n.Type.TypeParams)
	case *ast.BinaryExpr:
		c.interfaceEquality(n)
		c.unparenOperands(n)
	case *ast.Ident:
		if !c.aliasUse(n) && !c.genericFuncValue(n) {
			c.variadicGenericValue(n)
			c.explicitTypeArgs(n)
		}
	}
}

// explicitTypeArgs writes the type arguments Go infers for a call of a
// generic function: yaegi infers them wrongly (Map(xs, func(int) string)
// fails with "cannot use func(int) string as func(int) int").
func (c *compiler) explicitTypeArgs(id *ast.Ident) {
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return
	}
	if !c.cellObject(id) {
		return // a standard package's generic function: see genericCall
	}
	if _, isFunc := inst.Type.(*types.Signature); isFunc {
		if t := celltype.InstanceTypeArg(inst.TypeArgs); t != nil {
			c.errorAt(c.off(id.Pos()), "an instance of a generic type of the cells (%s) as a type argument of the generic function %s is not supported by the interpreter (it crashes, or calls the function argument of an earlier call): declare a non-generic type for it (type StringInt struct{ Key string; Val int }), or use a slice of them%s", celltype.GoName(t)[len("main."):], id.Name, OrCompile)
			return
		}
	}
	// Only where the source gives none: the next character is not '['
	// (partialTypeArgs completes a list that gives some).
	end := c.off(id.End())
	if end < len(c.w.Src()) && c.w.Src()[end] == '[' {
		return
	}
	fn, isFunc := c.types.Use(c.off(id.Pos())).(*types.Func)
	if celltype.AllTypeParams(inst.TypeArgs) && !(isFunc && celltype.ParamsCellInstance(fn.Type().(*types.Signature))) {
		// inside a generic function, of its own type parameters: yaegi
		// infers them, and panicked (nil pointer dereference) given
		// First[T](xs) in a function instantiated with a named type
		return
	}
	if isFunc && celltype.ResultsCellInstance(fn.Type().(*types.Signature)) && celltype.ParamsInferable(fn.Type().(*types.Signature)) {
		// yaegi infers these, and given MakePair[string, int](...)
		// returning a Pair[K, V], a later Pair[string, int]{...}
		// panicked in MakePair (index out of range)
		return
	}
	if args, ok := c.typeArgStrings(inst.TypeArgs, 0); ok {
		c.w.Insert(end, "["+strings.Join(args, ", ")+"]")
	}
}

// partialTypeArgs completes the type arguments of an instantiation of a
// generic function of the cells that gives only the first ones
// (Convert[int](3.9) of Convert[To, From any]): yaegi panics with a nil
// pointer dereference on a partial list; the checker inferred the others.
func (c *compiler) partialTypeArgs(x ast.Expr) {
	var fun ast.Expr
	var given int
	var rbrack token.Pos
	switch ix := x.(type) {
	case *ast.IndexExpr:
		fun, given, rbrack = ix.X, 1, ix.Rbrack
	case *ast.IndexListExpr:
		fun, given, rbrack = ix.X, len(ix.Indices), ix.Rbrack
	}
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok || !c.cellObject(id) {
		return
	}
	inst, ok := c.types.Instance(c.off(id.Pos()))
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() <= given {
		return
	}
	if _, isFunc := inst.Type.(*types.Signature); !isFunc {
		return
	}
	if rest, ok := c.typeArgStrings(inst.TypeArgs, given); ok {
		c.w.Insert(c.off(rbrack), ", "+strings.Join(rest, ", "))
	}
}

// cellObject reports whether id names something the cells declare.
func (c *compiler) cellObject(id *ast.Ident) bool {
	obj := c.types.Use(c.off(id.Pos()))
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "main"
}

// typeArgStrings writes the type arguments from the index from on as the
// cell's code names them; ok is false if one cannot be named.
func (c *compiler) typeArgStrings(targs *types.TypeList, from int) (args []string, ok bool) {
	for i := from; i < targs.Len(); i++ {
		s := c.types.TypeString(targs.At(i))
		if s == "" {
			return nil, false
		}
		args = append(args, s)
	}
	return args, true
}

// typeParamConversion rewrites a conversion to a type parameter, P(x) or
// (*P)(x): yaegi looks the instantiated type up by its name in scope, finds
// only the predeclared ones, and panics or fails with "too many arguments"
// for any other type argument (S(s) with S = Word, PT(&t) with PT = *T).
// A value assignable to P (an untyped constant included: Go requires it
// representable in each type of P's type set) is passed as P to a function
// literal; any other is converted by the runtime (reflect) to the type of
// P's instantiation.
func (c *compiler) typeParamConversion(call *ast.CallExpr) {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() || !c.namesTypeParam(call.Fun) {
		return
	}
	typeOf := func(x ast.Expr) types.Type { return c.types.ExprType(c.off(x.Pos()), c.off(x.End())) }
	to, from := typeOf(call.Fun), typeOf(call.Args[0])
	ts := c.types.TypeString(to)
	if to == nil || from == nil || ts == "" {
		return
	}
	if types.AssignableTo(from, to) || c.untypedConst(call.Args[0]) {
		v := c.temp("v")
		c.w.Replace(c.off(call.Fun.Pos()), c.off(call.Fun.End()), "func("+v+" "+ts+") "+ts+" { return "+v+" }")
		return
	}
	v := c.temp("v")
	c.w.Replace(c.off(call.Fun.Pos()), c.off(call.Lparen)+1, "func() "+ts+" { "+v+" := ")
	c.w.Replace(c.off(call.Args[0].End()), c.off(call.Rparen)+1,
		"; return "+RuntimeName+".Convert(&"+v+", new("+ts+")).("+ts+") }()")
}

// namesTypeParam reports whether the type x is a type parameter, or a
// pointer to one, written by its name.
func (c *compiler) namesTypeParam(x ast.Expr) bool {
	x = ast.Unparen(x)
	if star, ok := x.(*ast.StarExpr); ok {
		x = ast.Unparen(star.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	tn, ok := c.types.Use(c.off(id.Pos())).(*types.TypeName)
	if !ok {
		return false
	}
	_, ok = tn.Type().(*types.TypeParam)
	return ok
}

// typeSetConstraints writes interface{} for the constraints of the type
// parameters of a generic function or type (tparams) that restrict their
// type set with type terms (~string, int | float64, comparable): yaegi
// checks the type arguments against them itself, and wrongly for a union
// with an interface term (T Integer | ~float64 refuses float64, a panic).
// The checker has checked them; yaegi uses a constraint for nothing else,
// its methods included (it compiles each instantiation with the type
// arguments in place).
func (c *compiler) typeSetConstraints(tparams *ast.FieldList) {
	if tparams == nil {
		return
	}
	for _, f := range tparams.List {
		if len(f.Names) == 0 {
			continue
		}
		tn, ok := c.types.Def(c.off(f.Names[0].Pos())).(*types.TypeName)
		if !ok {
			continue
		}
		tp, ok := tn.Type().(*types.TypeParam)
		if !ok {
			continue
		}
		if iface, ok := tp.Constraint().Underlying().(*types.Interface); ok && !iface.IsMethodSet() {
			c.w.Replace(c.off(f.Type.Pos()), c.off(f.Type.End()), "interface{}")
		}
	}
}

// interfaceEquality rewrites x == y and x != y where an operand is an
// interface or a type parameter (comparable) as a call of cellrt.Equal:
// yaegi compares the structs it holds a value of a type of the cells in,
// so two equal values in interfaces were unequal (Shape(Sq(1)) ==
// Shape(Sq(1)) was false). A comparison with nil is left as it is.
func (c *compiler) interfaceEquality(be *ast.BinaryExpr) {
	if be.Op != token.EQL && be.Op != token.NEQ || c.isNil(be.X) || c.isNil(be.Y) {
		return
	}
	typeOf := func(x ast.Expr) types.Type { return c.types.ExprType(c.off(x.Pos()), c.off(x.End())) }
	tx, ty := typeOf(be.X), typeOf(be.Y)
	if tx != nil && ty != nil && !types.IsInterface(tx) && !types.IsInterface(ty) {
		// p == anon of a named and an unnamed struct type: mismatched types
		// for yaegi; the unnamed operand is converted to the named type
		for _, o := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
			if n, u := typeOf(o[0]), typeOf(o[1]); types.Unalias(n) != n.Underlying() && types.Unalias(u) == u.Underlying() && types.Identical(n.Underlying(), u) && c.types.TypeString(n) != "" {
				ts, x := c.types.TypeString(n), o[1]
				c.w.Add(c.off(x.Pos()), c.off(x.End()), func(*cellsrc.Rewriter) string { return "(" + ts + ")(" + c.render(x) + ")" })
			}
		}
	}
	if tx == nil || ty == nil || !types.IsInterface(tx) && !types.IsInterface(ty) {
		return
	}
	if celltype.IsCellInterface(tx) || celltype.IsCellInterface(ty) {
		c.cellInterfaceEquality(be) // by the dynamic types the session keeps
		return
	}
	not := ""
	if be.Op == token.NEQ {
		not = "!"
	}
	x, y := c.temp("x"), c.temp("y")
	// a constant compared with a type parameter's value (b != 0 in a
	// func GCD[T Integer]) is of that type: a bare 0 was not a Meters(0)
	// (cellrt.EqualValue converts it; T(0) crashed yaegi)
	constant := func(o ast.Expr, other types.Type) bool {
		_, ok := types.Unalias(other).(*types.TypeParam)
		return ok && c.types.ExprValue(c.off(o.Pos()), c.off(o.End())) != nil
	}
	equal, first, second := "Equal", be.X, be.Y
	if constant(be.X, ty) {
		equal, first, second = "EqualValue", be.Y, be.X
	} else if constant(be.Y, tx) {
		equal = "EqualValue"
	}
	c.w.Add(c.off(be.Pos()), c.off(be.End()), func(*cellsrc.Rewriter) string {
		return not + "func(" + x + ", " + y + " any) bool { return " + RuntimeName + "." + equal + "(&" + x + ", &" + y + ") }(" +
			c.render(first) + ", " + c.render(second) + ")"
	})
}

// isNil reports whether x is the predeclared nil.
func (c *compiler) isNil(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := c.types.Use(c.off(id.Pos())).(*types.Nil)
	return isNil
}

// yaegi declares no local type alias (type L = Local in a function:
// "undefined: L") and no generic one (type Set[T comparable] = map[T]bool:
// "undefined: T"). Their uses are replaced by the types they denote, as
// the checker resolved them; a local alias's declaration is dropped, a
// generic one's declares the name for nothing (aliasDecl).

// aliasUse replaces x, a use of such an alias (an identifier, or a generic
// alias with its type arguments), by the type it denotes. It reports
// whether x was one.
func (c *compiler) aliasUse(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	switch ix := x.(type) {
	case *ast.IndexExpr:
		id, ok = ix.X.(*ast.Ident)
	case *ast.IndexListExpr:
		id, ok = ix.X.(*ast.Ident)
	}
	if !ok {
		return false
	}
	tn, ok := c.types.Use(c.off(id.Pos())).(*types.TypeName)
	if !ok || !c.unsupportedAlias(tn) {
		return false
	}
	if _, bare := x.(*ast.Ident); bare && tn.Type().(*types.Alias).TypeParams().Len() > 0 {
		return false // the index expression around it is replaced
	}
	t := c.types.ExprType(c.off(x.Pos()), c.off(x.End()))
	if t == nil {
		t = tn.Type()
	}
	ts := c.types.TypeString(types.Unalias(t))
	if ts == "" {
		return false
	}
	// In parentheses where a conversion needs them ((*T)(x)), only there:
	// yaegi crashes on var p (*T) = ... ("index out of range [-1]").
	conversion := strings.HasPrefix(strings.TrimLeft(c.w.Src()[min(c.off(x.End()), len(c.w.Src())):], " \t"), "(")
	if conversion && (strings.HasPrefix(ts, "*") || strings.HasPrefix(ts, "func") || strings.HasPrefix(ts, "chan") || strings.HasPrefix(ts, "<-")) {
		ts = "(" + ts + ")"
	}
	c.w.Replace(c.off(x.Pos()), c.off(x.End()), ts)
	return true
}

// unsupportedAlias reports whether tn is an alias yaegi cannot declare.
func (c *compiler) unsupportedAlias(tn *types.TypeName) bool {
	a, ok := tn.Type().(*types.Alias)
	return ok && tn.IsAlias() && UndeclaredAlias(a)
}

// UndeclaredAlias reports whether a is an alias of the cells yaegi cannot
// declare, which the cell compiler replaces by the type it denotes: a
// generic one (or an instance of it), or a local one.
func UndeclaredAlias(a *types.Alias) bool {
	obj := a.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "main" {
		return false
	}
	return a.TypeParams().Len() > 0 || a.TypeArgs().Len() > 0 || obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope()
}

// aliasDecls rewrites the declarations of such aliases in gd: a local
// one is dropped (its uses name the type), a generic one is declared as an
// alias of struct{} (the name stays declared for the session; its uses
// name the instantiated type).
func (c *compiler) aliasDecls(gd *ast.GenDecl) {
	if gd.Tok != token.TYPE {
		return
	}
	for _, sp := range gd.Specs {
		ts := sp.(*ast.TypeSpec)
		tn, ok := c.types.Def(c.off(ts.Name.Pos())).(*types.TypeName)
		if !ok || !ts.Assign.IsValid() || !c.unsupportedAlias(tn) {
			continue
		}
		switch {
		case tn.Type().(*types.Alias).TypeParams().Len() > 0:
			c.w.Replace(c.off(ts.Name.End()), c.off(ts.End()), " = struct{}")
		case gd.Lparen.IsValid():
			c.w.Replace(c.off(ts.Pos()), c.off(ts.End()), "")
		default:
			c.w.Replace(c.off(gd.Pos()), c.off(gd.End()), "")
		}
	}
}

// Types is what Go's type checker found in a cell (package typecheck
// implements it), by byte offsets in the cell: the rewrites that need
// types use it.
type Types interface {
	// ExprType returns the type of the expression at [start, end), or nil.
	ExprType(start, end int) types.Type
	// ExprValue returns the value of the constant expression at
	// [start, end) (as the checker computed it exactly), or nil.
	ExprValue(start, end int) constant.Value
	// Def returns the object the identifier at off defines, or nil.
	Def(off int) types.Object
	// Use returns the object the identifier at off refers to, or nil.
	Use(off int) types.Object
	// Instance returns the instantiation of the generic function or type
	// named at off, if its type arguments were inferred or given.
	Instance(off int) (types.Instance, bool)
	// TypeString writes t as the cell's code can name it, or "".
	TypeString(t types.Type) string
	// Scope returns the scope of the session's package as the cell sees
	// it (its declarations and the earlier cells'), or nil.
	Scope() *types.Scope
}

// noTypes is the Types of a cell that was not type-checked: no rewrite
// that needs types is made.
type noTypes struct{}

func (noTypes) ExprType(start, end int) types.Type { return nil }

func (noTypes) ExprValue(start, end int) constant.Value { return nil }

func (noTypes) Def(off int) types.Object { return nil }

func (noTypes) Use(off int) types.Object { return nil }

func (noTypes) Instance(off int) (types.Instance, bool) { return types.Instance{}, false }

func (noTypes) TypeString(t types.Type) string { return "" }

func (noTypes) Scope() *types.Scope { return nil }

// defType returns the type of a defined object, or nil.
func defType(obj types.Object) types.Type {
	if obj == nil {
		return nil
	}
	return obj.Type()
}

// structShapes returns the shapes of the cells' named struct types that
// no other named type of the cells has (see shape), and the names of the
// cells' named types T and *T as %T prints them.
func (c *compiler) structShapes() (map[string]bool, []string) {
	count, unique := map[string]int{}, map[string]bool{}
	var names []string
	if scope := c.types.Scope(); scope != nil {
		for _, name := range c.scopeNames() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				count[celltype.Shape(tn.Type(), 0)]++
				if n := celltype.GoName(tn.Type()); n != "" && !strings.HasPrefix(name, "__gk") {
					names = append(names, strconv.Quote(n), strconv.Quote("*"+n))
				}
			}
		}
	}
	for s, n := range count {
		unique[s] = n == 1 && strings.HasPrefix(s, "struct{") && !strings.Contains(s, "?")
	}
	return unique, names
}

// heldTry returns the statement that asserts x, a value yaegi may hold in
// its error wrapper, to t, a struct type of the cells, into z with
// cellrt.Held ("" if t is not one): t is known when it is the cells' only
// type whose values are errors.
func (c *compiler) heldTry(t types.Type, x, z string) string {
	name := celltype.GoName(t)
	if _, isStruct := t.Underlying().(*types.Struct); !isStruct || name == "" || !celltype.Mentions(t) {
		return ""
	}
	var values []types.Type
	for _, impl := range c.cellImplementers(types.Universe.Lookup("error").Type().Underlying().(*types.Interface), true) {
		if _, ptr := impl.(*types.Pointer); !ptr {
			values = append(values, impl)
		}
	}
	only := len(values) == 1 && types.Identical(values[0], t)
	return "if " + RuntimeName + ".Held(&" + z + ", " + x + ", " + strconv.Quote(name) + ", " + strconv.FormatBool(only) + ") { return " + z + ", true }; "
}

// enterItem records the end of it, an item of the cell, if it is a
// statement, for scopeNames.
func (c *compiler) enterItem(it ast.Node) {
	c.stmtEnd = c.off(it.End())
	switch it.(type) {
	case *ast.FuncDecl, *ast.DeclStmt:
		c.stmtEnd = -1
	}
}

// scopeNames returns the names of the package scope of the cells without
// the types the cell declares after the statement being compiled: that
// statement runs in a step before their declaration (yaegi: "undefined:
// node" from a type assertion that tried the cells' types).
func (c *compiler) scopeNames() []string {
	names := c.types.Scope().Names()
	if c.stmtEnd < 0 {
		return names
	}
	return slices.DeleteFunc(names, func(name string) bool {
		at, ok := c.typeAt[name]
		return ok && at > c.stmtEnd
	})
}

// firstKey returns a key of refs that is also in set, or "".
func firstKey(refs, set map[string]bool) string {
	for k := range refs {
		if set[k] {
			return k
		}
	}
	return ""
}

// variadicGenericValue refuses id, a use of a function checkVariadicGeneric
// declares with a slice parameter other than a call's: its value would
// not have the variadic type Go gives it.
func (c *compiler) variadicGenericValue(id *ast.Ident) {
	if fn, ok := c.types.Use(c.off(id.Pos())).(*types.Func); ok && !c.variadicCalled[id] && celltype.VariadicGeneric(fn) {
		c.errorAt(c.off(id.Pos()), "a variadic generic function (%s) used as a value is not supported by the interpreter: call it, or wrap the call in a function literal%s", id.Name, OrCompile)
	}
}

// unparenOperands drops the parentheses around an operand of a comparison
// that is a name, a literal, a selector, an index or a unary expression:
// as the left operand of && or ||, yaegi panics on such a comparison
// (a == (0) || ...: "reflect: call of reflect.Value.Bool on int Value") or
// gets it wrong (a == (s.f) || a == 1 was false with a and s.f 1).
func (c *compiler) unparenOperands(b *ast.BinaryExpr) {
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return
	}
	for _, x := range []ast.Expr{b.X, b.Y} {
		for p, ok := x.(*ast.ParenExpr); ok && !hasCompositeLit(p); p, ok = p.X.(*ast.ParenExpr) {
			switch ast.Unparen(p).(type) {
			case *ast.Ident, *ast.BasicLit, *ast.SelectorExpr, *ast.IndexExpr, *ast.UnaryExpr, *ast.StarExpr:
				c.w.Replace(c.off(p.Lparen), c.off(p.Lparen)+1, "")
				c.w.Replace(c.off(p.Rparen), c.off(p.Rparen)+1, "")
			}
		}
	}
}
