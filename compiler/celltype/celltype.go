// Package celltype answers the cell compiler's questions about types as
// the yaegi interpreter represents them: which types are the cells' own
// (declared in package main), the shape its reflect types give them, their
// names as Go's fmt writes them, and the methods compiled code does or
// does not see.
package celltype

import (
	"go/ast"
	"go/types"
	"gokernel/interpvalue"
	"gokernel/stdlib/generic"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// HasMethods reports whether T or *T has methods.
func HasMethods(n *types.Named) bool {
	return types.NewMethodSet(n).Len() > 0 || types.NewMethodSet(types.NewPointer(n)).Len() > 0
}

// IsCellInterface reports whether t is a non-empty interface type declared
// by the cells.
func IsCellInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && types.IsInterface(n) && !n.Underlying().(*types.Interface).Empty()
}

// IsStruct reports whether t is a struct type or a pointer to one.
func IsStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// JSONMethods are the methods encoding/json calls.
var JSONMethods = []string{"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"}

// UnexportedFields returns the names of the unexported fields of the
// struct types inside t.
func UnexportedFields(t types.Type, seen map[types.Type]bool) []string {
	if seen[t] {
		return nil
	}
	seen[t] = true
	var out []string
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		out = UnexportedFields(u.Elem(), seen)
	case *types.Slice:
		out = UnexportedFields(u.Elem(), seen)
	case *types.Array:
		out = UnexportedFields(u.Elem(), seen)
	case *types.Map:
		out = append(UnexportedFields(u.Key(), seen), UnexportedFields(u.Elem(), seen)...)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); !f.Exported() && f.Name() != "_" {
				out = append(out, f.Name())
			}
			out = append(out, UnexportedFields(u.Field(i).Type(), seen)...)
		}
	}
	return out
}

// MentionsSource reports whether t mentions a generic type of the
// standard library that the prelude writes as source (atomic.Pointer[T]),
// whose name the interpreter's %T does not know.
func MentionsSource(t types.Type) bool {
	for _, m := range sourceType.FindAllStringSubmatch(types.TypeString(t, func(p *types.Package) string { return p.Path() }), -1) {
		if generic.SourceName(m[1]+"."+m[2]) != "" {
			return true
		}
	}
	return false
}

// MentionsInstance reports whether t mentions an instance of a generic
// type of a package (iter.Seq[int]): the interpreter has none, and holds
// such values with another type (a func(func(int) bool)).
func MentionsInstance(t types.Type) bool {
	return sourceType.MatchString(types.TypeString(t, func(p *types.Package) string { return p.Path() }))
}

// GoName is t as reflect and %T write it (main.Pair[string,int],
// uint8 for byte), or "" for the types whose literals reflect writes
// otherwise (struct, interface).
func GoName(t types.Type) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if p := t.Obj().Pkg(); p != nil && p.Path() == "main" {
			if name, ok := interpvalue.InstanceName(t.Obj().Name()); ok {
				return name // an instance of a generic (package mono)
			}
		}
		s := t.Obj().Name()
		if p := t.Obj().Pkg(); p != nil {
			s = p.Name() + "." + s
		}
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			var as []string
			for i := 0; i < args.Len(); i++ {
				a := GoName(args.At(i))
				if a == "" {
					return ""
				}
				as = append(as, a)
			}
			s += "[" + strings.Join(as, ",") + "]"
		}
		return s
	case *types.Basic:
		switch {
		case t.Info()&types.IsUntyped != 0:
			return ""
		case t.Kind() == types.Byte:
			return "uint8"
		case t.Kind() == types.Rune:
			return "int32"
		}
		return t.Name()
	case *types.Pointer:
		return prefixed("*", t.Elem())
	case *types.Slice:
		return prefixed("[]", t.Elem())
	case *types.Array:
		return prefixed("["+strconv.FormatInt(t.Len(), 10)+"]", t.Elem())
	case *types.Map:
		if k := GoName(t.Key()); k != "" {
			return prefixed("map["+k+"]", t.Elem())
		}
	case *types.Chan:
		return prefixed(map[types.ChanDir]string{types.SendRecv: "chan ", types.SendOnly: "chan<- ", types.RecvOnly: "<-chan "}[t.Dir()], t.Elem())
	case *types.Signature:
		list := func(tu *types.Tuple, variadic bool) (string, bool) {
			var ns []string
			for i := 0; i < tu.Len(); i++ {
				t := tu.At(i).Type()
				pre := ""
				if variadic && i == tu.Len()-1 {
					t, pre = t.(*types.Slice).Elem(), "..."
				}
				n := GoName(t)
				if n == "" {
					return "", false
				}
				ns = append(ns, pre+n)
			}
			return strings.Join(ns, ", "), true
		}
		ps, ok1 := list(t.Params(), t.Variadic())
		rs, ok2 := list(t.Results(), false)
		if !ok1 || !ok2 || t.TypeParams() != nil {
			return ""
		}
		s := "func(" + ps + ")"
		if t.Results().Len() == 1 {
			s += " " + rs
		} else if t.Results().Len() > 1 {
			s += " (" + rs + ")"
		}
		return s
	}
	return ""
}

// prefixed is goTypeName of elem after prefix, or "".
func prefixed(prefix string, elem types.Type) string {
	if e := GoName(elem); e != "" {
		return prefix + e
	}
	return ""
}

// Mentions reports whether t names a type of the cells.
func Mentions(t types.Type) bool {
	return strings.Contains(types.TypeString(t, func(p *types.Package) string { return p.Path() }), "main.")
}

// Structs returns the named struct types of the cells inside t.
func Structs(t types.Type, seen map[types.Type]bool) []*types.Named {
	if seen[t] {
		return nil
	}
	seen[t] = true
	var out []*types.Named
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
		if _, isStruct := n.Underlying().(*types.Struct); isStruct {
			out = append(out, n)
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		out = append(out, Structs(u.Elem(), seen)...)
	case *types.Slice:
		out = append(out, Structs(u.Elem(), seen)...)
	case *types.Array:
		out = append(out, Structs(u.Elem(), seen)...)
	case *types.Map:
		out = append(out, Structs(u.Key(), seen)...)
		out = append(out, Structs(u.Elem(), seen)...)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			out = append(out, Structs(u.Field(i).Type(), seen)...)
		}
	}
	return out
}

// Tagged reports whether t is a named struct type of the cells whose
// struct has the cell compiler's TypeTag (its own or, for a type B A,
// A's): a struct of fields, not generic.
func Tagged(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || n.Origin().TypeParams().Len() > 0 {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	return ok && st.NumFields() > 0
}

// declaresStruct reports whether the declaration of t writes st, its
// struct type (type T struct{...}), rather than naming another type of
// that struct (type B A): no other name of its scope is declared between
// t's name and st's first field.
func declaresStruct(t *types.Named, st *types.Struct) bool {
	name, field := t.Obj().Pos(), st.Field(0).Pos()
	scope := t.Obj().Parent()
	if !name.IsValid() || !field.IsValid() || field < name || scope == nil {
		return false
	}
	for _, n := range scope.Names() {
		if o := scope.Lookup(n); o != t.Obj() && o.Pos() > name && o.Pos() < field {
			return false
		}
	}
	return true
}

// TypeTag is the struct tag the cell compiler gives the first field of
// a struct type the cells declare (type name struct{...}), not generic:
// yaegi builds its struct types with reflect.StructOf, which gives types
// of the same fields the same reflect type; tagged, each is its own.
func TypeTag(name string) string { return `gokernel:"` + name + `"` }

// Shape writes t as yaegi's reflect types see it: the named types of the
// cells replaced by their underlying types ("?" where it gives up).
func Shape(t types.Type, depth int) string {
	if depth > 8 {
		return "?"
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main" {
			if Tagged(t) {
				// the cell compiler's TypeTag makes its reflect type its own;
				// a type B A shares A's struct, fields and tag: "?", told
				// apart from no other
				st := t.Underlying().(*types.Struct)
				if declaresStruct(t, st) {
					return "struct{#" + t.Obj().Name() + "}" // its fields need not be told apart
				}
				return Shape(st, depth+1) + "#?"
			}
			return Shape(t.Underlying(), depth+1)
		}
		return types.TypeString(t, nil)
	case *types.Pointer:
		return "*" + Shape(t.Elem(), depth+1)
	case *types.Slice:
		return "[]" + Shape(t.Elem(), depth+1)
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + Shape(t.Elem(), depth+1)
	case *types.Map:
		return "map[" + Shape(t.Key(), depth+1) + "]" + Shape(t.Elem(), depth+1)
	case *types.Chan:
		return "chan(" + strconv.Itoa(int(t.Dir())) + ")" + Shape(t.Elem(), depth+1)
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			b.WriteString(f.Name() + " " + Shape(f.Type(), depth+1) + " " + strconv.Quote(t.Tag(i)) + strconv.FormatBool(f.Embedded()) + ";")
		}
		return b.String() + "}"
	case *types.Basic:
		return t.Name()
	}
	return "?" // functions, interfaces: left out
}

// PointerStringer reports whether t is not a pointer and only *t has a
// String or Error method of the cells.
func PointerStringer(t types.Type) bool {
	if _, ptr := t.Underlying().(*types.Pointer); ptr || types.IsInterface(t) {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	return StringMethod(ms, "Error") != nil || StringMethod(ms, "String") != nil
}

// StringMethod returns the method name() string of the cells in ms, or nil.
func StringMethod(ms *types.MethodSet, name string) *types.Selection {
	for i := 0; i < ms.Len(); i++ {
		s := ms.At(i)
		f, ok := s.Obj().(*types.Func)
		if !ok || f.Name() != name || f.Pkg() == nil || f.Pkg().Path() != "main" {
			continue
		}
		sig := f.Type().(*types.Signature)
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
			return s
		}
	}
	return nil
}

// HasMethod reports whether ms has a method name.
func HasMethod(ms *types.MethodSet, name string) bool {
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// HoldsInterface reports whether values of t, not an interface, hold
// interface values: elements of slices, arrays and maps, fields of
// structs (not of other packages' types).
func HoldsInterface(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		// an interface operand itself: stringOperand; inside a slice, map
		// or struct, an empty one or one of the cells ([]Shape): yaegi's
		// wrappers (a compiled one, []error, holds values with its methods)
		return depth > 0 && (it.Empty() || IsCellInterface(t))
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() != "main" {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return HoldsInterface(u.Elem(), depth+1)
	case *types.Array:
		return HoldsInterface(u.Elem(), depth+1)
	case *types.Map:
		return HoldsInterface(u.Elem(), depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if HoldsInterface(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// RuntimeTypeName is t as Go's runtime writes it in its messages
// ("interface {}" for any), or "".
func RuntimeTypeName(t types.Type) string {
	if it, ok := t.(*types.Interface); ok && it.Empty() {
		return "interface {}"
	}
	if a, ok := t.(*types.Alias); ok && types.IsInterface(a) && types.Unalias(a).(*types.Interface).Empty() {
		return "interface {}"
	}
	return GoName(t)
}

// MissingMethod returns the first of names, the sorted methods of it, that
// t does not have with its type, or "".
func MissingMethod(t types.Type, it *types.Interface, names []string) string {
	for _, name := range names {
		var want *types.Func
		for i := 0; i < it.NumMethods(); i++ {
			if it.Method(i).Name() == name {
				want = it.Method(i)
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, want.Pkg(), name)
		if f, ok := obj.(*types.Func); !ok || !types.Identical(f.Type(), want.Type()) {
			return name
		}
	}
	return ""
}

// Twin returns cellrt's compiled twin of t, an interface of the cells, or "".
func Twin(t types.Type) string {
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") {
		return "" // a compiled interface: yaegi asserts to it
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.Empty() {
		return ""
	}
	return compiledTwins[types.TypeString(it, nil)]
}

// compiledTwins are cellrt's compiled interfaces by their method sets, as
// go/types writes an interface literal.
var compiledTwins = map[string]string{
	"interface{Unwrap() []error}":     "MultiUnwrapper",
	"interface{Unwrap() error}":       "Unwrapper",
	"interface{Is(error) bool}":       "Iser",
	"interface{As(any) bool}":         "Aser",
	"interface{As(interface{}) bool}": "Aser",
	"interface{String() string}":      "Stringer",
	"interface{GoString() string}":    "GoStringer",
	"interface{Timeout() bool}":       "Timeouter",
	"interface{Temporary() bool}":     "Temporary",
}

// sourceType matches a qualified generic type in a type string with paths.
var sourceType = regexp.MustCompile(`([\pL\pN_./-]+)\.([\pL\pN_]+)\[`)

// KeepMethod is the method the cell compiler declares for a package-level
// named type of the cells that is not a struct and has none (see
// KeepsType); KeepMethod+"P" on its pointer type, so that yaegi keeps the
// type of a *T in an interface too (a *Label was a *string).
const KeepMethod = "__gkTyped"

// KeepsType reports whether the interpreter keeps the type of a value of
// n in an interface: n has methods on values, or the cell compiler gives
// it one (NeedsKeepMethod). yaegi
// holds a value of a type without methods in an interface bare, as a
// value of its underlying type (a Celsius there was a float64 to type
// switches); for structs it keeps their fields, which tell most apart.
func KeepsType(n *types.Named) bool {
	obj := n.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "main" || n.TypeParams() != nil {
		return false
	}
	if types.NewMethodSet(n).Len() > 0 {
		return true
	}
	return NeedsKeepMethod(n)
}

// NeedsKeepMethod reports whether the cell compiler declares KeepMethod
// for n: a package-level, non-generic named type of the cells whose
// underlying type is not a struct, an interface or a pointer, without
// methods on values.
func NeedsKeepMethod(n *types.Named) bool {
	obj := n.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "main" || n.TypeParams() != nil || obj.Parent() != obj.Pkg().Scope() {
		return false // a local type cannot have methods
	}
	switch n.Underlying().(type) {
	case *types.Struct, *types.Interface, *types.Pointer:
		return false
	}
	return types.NewMethodSet(n).Len() == 0
}

// HeldByReference reports whether yaegi holds a value of t in an
// interface by reference to where the value was (a variable, a field, an
// element, the result slot of a call) instead of a copy: t is a named
// struct or array type of the cells with methods, or a pointer to a type
// of the cells with methods (append(movers, &ps[i]) in a loop held the
// last pointer three times, as did append(shapes, &Circle{r})).
func HeldByReference(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && types.NewMethodSet(t).Len() > 0
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return false
	}
	switch n.Underlying().(type) {
	case *types.Struct, *types.Array:
		return HasMethods(n)
	}
	return false
}

// KeepsTypeOrMethods reports whether t has methods, or is a named type of the
// cells that the compiler gives one (KeepsType).
func KeepsTypeOrMethods(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && KeepsType(n) {
		return true
	}
	return types.NewMethodSet(t).Len() > 0
}

// ErrorToCellInterface reports whether an error asserted to t, an
// interface, needs the cells' types that implement t tried (see the compiler's assertOK):
// t is the cells' own (named or written in a cell), not error. Its
// compiled twin, if it has one (Temporary), is tried after them.
func ErrorToCellInterface(t types.Type) bool {
	_, literal := types.Unalias(t).(*types.Interface)
	return (literal || IsCellInterface(t)) && !types.Identical(t, types.Universe.Lookup("error").Type())
}

// RegisterStructDecl returns the registration of n, a struct type the cell
// declares (ts), for compiled fmt (interpvalue.Printer.RegisterStruct; runtime names its package):
// yaegi's struct types have no names, and %T, %#v and %+v of a value held
// in an interface are written with them at run time. Generic types are
// not registered (the instantiations are not known here).
func RegisterStructDecl(n *types.Named, ts *ast.TypeSpec, runtime string) string {
	if _, ok := n.Underlying().(*types.Struct); !ok || n.TypeParams() != nil || ts.TypeParams != nil || ts.Assign.IsValid() {
		return ""
	}
	args := []string{strconv.Quote(GoName(n)), "(*" + ts.Name.Name + ")(nil)"}
	for _, f := range UnexportedFields(n.Underlying(), map[types.Type]bool{}) {
		if q := strconv.Quote(f); !slices.Contains(args[2:], q) {
			args = append(args, q)
		}
	}
	return "\nvar _ = " + runtime + ".RegisterStruct(" + strings.Join(args, ", ") + ")"
}
