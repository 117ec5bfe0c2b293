package celltype

import (
	"go/types"
	"gokernel/interpvalue"
	"strconv"
)

// yaegi keeps a struct value of the cells in an error or a fmt.Stringer
// with its last field only; a struct type whose values are errors or
// Stringers gets a method that returns the value, which the kernel reads
// (interpvalue.SelfMethod).

// SelfMethodDecl returns the declaration of interpvalue.SelfMethod for n,
// a package-level, non-generic struct type of the cells whose values are
// errors (by an Error method of its own or promoted), after a newline, or
// "". When from is
// not "", n's Error method must be from's (own, or promoted from from).
func SelfMethodDecl(n *types.Named, from string) string {
	obj := n.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "main" || n.TypeParams() != nil || obj.Parent() != obj.Pkg().Scope() {
		return ""
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return ""
	}
	sel := types.NewMethodSet(n).Lookup(obj.Pkg(), "Error")
	if sel == nil || !types.Implements(n, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
		// a fmt.Stringer by value: the session's selfStringer holds it
		if from != "" || StringMethod(types.NewMethodSet(n), "String") == nil {
			return ""
		}
		return "\nfunc (__gks " + obj.Name() + ") " + interpvalue.SelfMethod + "() (any, string) { return __gks, " + strconv.Quote(GoName(n)) + " }"
	}
	if from != "" {
		recv := sel.Obj().(*types.Func).Signature().Recv().Type()
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		if rn, ok := types.Unalias(recv).(*types.Named); !ok || rn.Obj().Name() != from {
			return ""
		}
	}
	return "\nfunc (__gks " + obj.Name() + ") " + interpvalue.SelfMethod + "() (any, string) { return __gks, " + strconv.Quote(GoName(n)) + " }"
}

// SelfMethodDecls returns the declarations of interpvalue.SelfMethod
// (SelfMethodDecl) for the types of scope that earlier reports were
// declared by earlier cells and whose Error method is from's: a cell
// declaring from's Error method makes them errors.
func SelfMethodDecls(scope *types.Scope, from string, earlier func(string) bool) string {
	src := ""
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || !earlier(name) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok {
			src += SelfMethodDecl(n, from)
		}
	}
	return src
}

// TypeNameMethodDecl returns the declaration of interpvalue.TypeNameMethod
// for n, after a newline, or "": for a package-level, non-generic named
// type of the cells that is not a struct, an interface or a pointer. yaegi
// holds a value of it in an interface of a compiled package (a Celsius in
// a fmt.Stringer) with its underlying value only; the session's wrappers
// of such interfaces (interpvalue.TypedWrappers) keep the method, which
// names the type for %T.
func TypeNameMethodDecl(n *types.Named) string {
	obj := n.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "main" || n.TypeParams() != nil || obj.Parent() != obj.Pkg().Scope() {
		return ""
	}
	switch n.Underlying().(type) {
	case *types.Struct, *types.Interface, *types.Pointer:
		return ""
	}
	return "\nfunc (" + obj.Name() + ") " + interpvalue.TypeNameMethod + "() string { return " + strconv.Quote(GoName(n)) + " }"
}
