package celltype

import "go/types"

// RecursiveGeneric reports whether n is a generic type whose definition
// refers to itself, directly or through other types (type node[K any]
// struct{ left *node[K] }): yaegi overflows its stack (a fatal error of
// the worker) building such a type.
func RecursiveGeneric(n *types.Named) bool {
	if n.TypeParams().Len() == 0 {
		return false
	}
	origin := n.Origin()
	seen := map[types.Type]bool{}
	var refers func(t types.Type) bool
	refers = func(t types.Type) bool {
		if t == nil || seen[t] {
			return false
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Alias:
			return refers(types.Unalias(t))
		case *types.Named:
			if t.Origin() == origin {
				return true
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				if refers(t.TypeArgs().At(i)) {
					return true
				}
			}
			return t.Origin().TypeParams().Len() > 0 && t.Obj().Pkg() == origin.Obj().Pkg() && refers(t.Origin().Underlying())
		case *types.Pointer:
			return refers(t.Elem())
		case *types.Slice:
			return refers(t.Elem())
		case *types.Array:
			return refers(t.Elem())
		case *types.Chan:
			return refers(t.Elem())
		case *types.Map:
			return refers(t.Key()) || refers(t.Elem())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if refers(t.Field(i).Type()) {
					return true
				}
			}
		case *types.Signature:
			return refers(t.Params()) || refers(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				if refers(t.At(i).Type()) {
					return true
				}
			}
		case *types.Interface:
			for i := 0; i < t.NumExplicitMethods(); i++ {
				if refers(t.ExplicitMethod(i).Type()) {
					return true
				}
			}
		}
		return false
	}
	return refers(origin.Underlying())
}

// VariadicGeneric reports whether fn is a generic function of the cells
// whose variadic parameter's type mentions its type parameters (func
// Max[T cmp.Ordered](xs ...T) T): yaegi cannot instantiate it, and the
// cell compiler declares it with a slice parameter.
func VariadicGeneric(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return false
	}
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || !sig.Variadic() || sig.TypeParams().Len() == 0 || sig.Recv() != nil {
		return false
	}
	s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	return ok && mentionsTypeParam(s.Elem(), map[types.Type]bool{})
}

// mentionsTypeParam reports whether t mentions a type parameter.
func mentionsTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Alias:
		return mentionsTypeParam(types.Unalias(t), seen)
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if mentionsTypeParam(t.TypeArgs().At(i), seen) {
				return true
			}
		}
	case *types.Pointer:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Slice:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Array:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Chan:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Map:
		return mentionsTypeParam(t.Key(), seen) || mentionsTypeParam(t.Elem(), seen)
	case *types.Signature:
		return mentionsTypeParam(t.Params(), seen) || mentionsTypeParam(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if mentionsTypeParam(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if mentionsTypeParam(t.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// BareBasic returns the basic type of t, a compiled named type of a basic
// kind with a method fmt prints it with (String, Error, Format: a
// time.Duration), and true; false for other types. fmt calls no method of
// a value under an unexported field, where the cell compiler converts
// such values to their basic type (yaegi exports the fields).
func BareBasic(t types.Type) (string, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		return "", false
	}
	b, ok := n.Underlying().(*types.Basic)
	if !ok {
		return "", false
	}
	ms := types.NewMethodSet(n) // a field's value: not its pointer's methods
	if HasMethod(ms, "String") || HasMethod(ms, "Error") || HasMethod(ms, "Format") {
		return b.Name(), true
	}
	return "", false
}

// HoldsBareBasic reports whether values of t, a compiled type, hold
// values BareBasic converts (a []time.Duration).
func HoldsBareBasic(t types.Type, depth int) bool {
	if _, ok := BareBasic(t); ok {
		return true
	}
	if depth > 4 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return HoldsBareBasic(u.Elem(), depth+1)
	case *types.Array:
		return HoldsBareBasic(u.Elem(), depth+1)
	case *types.Map:
		return HoldsBareBasic(u.Elem(), depth+1)
	}
	return false
}

// ResultsCellInstance reports whether a result of sig is (a pointer to)
// an instance of a generic type of the cells.
func ResultsCellInstance(sig *types.Signature) bool { return tupleCellInstance(sig.Results()) }

// ParamsCellInstance reports whether a parameter of sig is an instance of
// a generic type of the cells or a pointer to one (func Intersect[T
// comparable](a, b *Set[T])): yaegi infers the type arguments of such a
// call wrongly (T as Set[string]'s struct) or not at all (a nil
// dereference), also inside a generic function, where the cell compiler
// otherwise leaves the inference to it.
func ParamsCellInstance(sig *types.Signature) bool { return tupleCellInstance(sig.Params()) }

// tupleCellInstance reports whether a variable of tuple is of an instance
// of a generic type of the cells or a pointer to one.
func tupleCellInstance(tuple *types.Tuple) bool {
	for i := 0; i < tuple.Len(); i++ {
		t := types.Unalias(tuple.At(i).Type())
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if cellInstance(t) {
			return true
		}
	}
	return false
}

// ParamsInferable reports whether each type parameter of sig, a generic
// function's signature, is the type of one of its parameters (func
// MakePair[K, V any](k K, v V)), from whose argument yaegi infers it; it
// infers wrongly from a function argument, and not at all from a generic
// instance (Swap(p) of a Pair[A, B] parameter).
func ParamsInferable(sig *types.Signature) bool {
	for i := 0; i < sig.TypeParams().Len(); i++ {
		found := false
		for j := 0; j < sig.Params().Len(); j++ {
			if sig.Params().At(j).Type() == sig.TypeParams().At(i) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return sig.TypeParams().Len() > 0
}

// AllTypeParams reports whether every type argument of targs is a type
// parameter.
func AllTypeParams(targs *types.TypeList) bool {
	for i := 0; i < targs.Len(); i++ {
		if _, ok := targs.At(i).(*types.TypeParam); !ok {
			return false
		}
	}
	return true
}

// InstanceTypeArg returns an instance of a generic type of the cells (or
// a pointer to one) among targs, the type arguments of a generic function
// of the cells, or nil. yaegi panics compiling such a call
// (Map[Product, Pair[string, int]](...): "CFG post-order panic: nil
// pointer dereference"); given an alias of the instance, it runs, but a
// second call of the same instantiation calls the first call's function
// argument.
func InstanceTypeArg(targs *types.TypeList) types.Type {
	for i := 0; i < targs.Len(); i++ {
		t := types.Unalias(targs.At(i))
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		if cellInstance(t) {
			return targs.At(i)
		}
	}
	return nil
}

// cellInstance reports whether t is an instance of a generic type of the
// cells.
func cellInstance(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.TypeArgs().Len() > 0 && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// HiddenGeneric reports whether n is an instance of a generic type of the
// cells that the interpreter is not given (it hangs or crashes building
// it): of several type parameters referring to itself (a tree map's
// node[K, V]), or one whose definition mentions such a type. Package mono
// declares their instances as ordinary types; the cell compiler leaves
// the generic declarations out.
func HiddenGeneric(n *types.Named) bool { return hiddenGeneric(n, map[*types.Named]bool{}) }

func hiddenGeneric(n *types.Named, seen map[*types.Named]bool) bool {
	origin := n.Origin()
	if origin.TypeParams().Len() == 0 || origin.Obj().Pkg() == nil || origin.Obj().Pkg().Path() != "main" || seen[origin] {
		return false
	}
	seen[origin] = true
	if origin.TypeParams().Len() > 1 && RecursiveGeneric(origin) {
		return true
	}
	return hiddenIn(origin.Underlying(), seen) != nil
}

// HiddenIn returns a HiddenGeneric type that t mentions, or nil.
func HiddenIn(t types.Type) *types.Named { return hiddenIn(t, map[*types.Named]bool{}) }

func hiddenIn(t types.Type, seen map[*types.Named]bool) *types.Named {
	var found *types.Named
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if found != nil || t == nil || depth > 16 {
			return
		}
		switch t := t.(type) {
		case *types.Alias:
			walk(types.Unalias(t), depth+1)
		case *types.Named:
			if hiddenGeneric(t, seen) {
				found = t
				return
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i), depth+1)
			}
		case *types.Pointer:
			walk(t.Elem(), depth+1)
		case *types.Slice:
			walk(t.Elem(), depth+1)
		case *types.Array:
			walk(t.Elem(), depth+1)
		case *types.Chan:
			walk(t.Elem(), depth+1)
		case *types.Map:
			walk(t.Key(), depth+1)
			walk(t.Elem(), depth+1)
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				walk(t.Field(i).Type(), depth+1)
			}
		case *types.Signature:
			for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
				for i := 0; tu != nil && i < tu.Len(); i++ {
					walk(tu.At(i).Type(), depth+1)
				}
			}
		}
	}
	walk(t, 0)
	return found
}
