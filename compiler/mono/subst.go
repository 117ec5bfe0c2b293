package mono

import (
	"errors"
	"go/types"
)

// errNotConcrete is subst's error for a type parameter it has no type for.
var errNotConcrete = errors.New("a type parameter without a type argument")

// subst returns t with the type parameters of sigma replaced by their
// type arguments.
func subst(t types.Type, sigma map[*types.TypeParam]types.Type, depth int) (types.Type, error) {
	if depth > 32 {
		return nil, errors.New("type too deep")
	}
	switch t := t.(type) {
	case *types.TypeParam:
		if a, ok := sigma[t]; ok {
			return a, nil
		}
		return nil, errNotConcrete
	case *types.Alias:
		return subst(types.Unalias(t), sigma, depth+1)
	case *types.Basic:
		return t, nil
	case *types.Named:
		args := t.TypeArgs()
		if args == nil || args.Len() == 0 {
			return t, nil
		}
		var out []types.Type
		for i := 0; i < args.Len(); i++ {
			a, err := subst(args.At(i), sigma, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		return types.Instantiate(nil, t.Origin(), out, false)
	case *types.Pointer:
		e, err := subst(t.Elem(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		return types.NewPointer(e), nil
	case *types.Slice:
		e, err := subst(t.Elem(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		return types.NewSlice(e), nil
	case *types.Array:
		e, err := subst(t.Elem(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		return types.NewArray(e, t.Len()), nil
	case *types.Map:
		k, err := subst(t.Key(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		e, err := subst(t.Elem(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		return types.NewMap(k, e), nil
	case *types.Chan:
		e, err := subst(t.Elem(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		return types.NewChan(t.Dir(), e), nil
	case *types.Signature:
		params, err := substTuple(t.Params(), sigma, depth)
		if err != nil {
			return nil, err
		}
		results, err := substTuple(t.Results(), sigma, depth)
		if err != nil {
			return nil, err
		}
		return types.NewSignatureType(nil, nil, nil, params, results, t.Variadic()), nil
	case *types.Struct:
		var fields []*types.Var
		var tags []string
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			ft, err := subst(f.Type(), sigma, depth+1)
			if err != nil {
				return nil, err
			}
			fields = append(fields, types.NewField(f.Pos(), f.Pkg(), f.Name(), ft, f.Embedded()))
			tags = append(tags, t.Tag(i))
		}
		return types.NewStruct(fields, tags), nil
	case *types.Interface:
		if t.Empty() {
			return t, nil
		}
		if !mentionsParams(t, 0) {
			return t, nil
		}
		return nil, errors.New("an interface of type parameters")
	}
	return nil, errors.New("a type the monomorphizer does not write")
}

// substTuple is subst for the variables of a signature.
func substTuple(tu *types.Tuple, sigma map[*types.TypeParam]types.Type, depth int) (*types.Tuple, error) {
	if tu == nil {
		return nil, nil
	}
	var vars []*types.Var
	for i := 0; i < tu.Len(); i++ {
		v := tu.At(i)
		vt, err := subst(v.Type(), sigma, depth+1)
		if err != nil {
			return nil, err
		}
		vars = append(vars, types.NewParam(v.Pos(), v.Pkg(), "", vt))
	}
	return types.NewTuple(vars...), nil
}

// mentionsParams reports whether t holds a type parameter.
func mentionsParams(t types.Type, depth int) bool {
	if depth > 32 {
		return true
	}
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Alias:
		return mentionsParams(types.Unalias(t), depth+1)
	case *types.Named:
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if mentionsParams(args.At(i), depth+1) {
					return true
				}
			}
		}
		return false
	case *types.Pointer:
		return mentionsParams(t.Elem(), depth+1)
	case *types.Slice:
		return mentionsParams(t.Elem(), depth+1)
	case *types.Array:
		return mentionsParams(t.Elem(), depth+1)
	case *types.Map:
		return mentionsParams(t.Key(), depth+1) || mentionsParams(t.Elem(), depth+1)
	case *types.Chan:
		return mentionsParams(t.Elem(), depth+1)
	case *types.Signature:
		for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; tu != nil && i < tu.Len(); i++ {
				if mentionsParams(tu.At(i).Type(), depth+1) {
					return true
				}
			}
		}
		return false
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if mentionsParams(t.Field(i).Type(), depth+1) {
				return true
			}
		}
		return false
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if mentionsParams(t.Method(i).Type(), depth+1) {
				return true
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if mentionsParams(t.EmbeddedType(i), depth+1) {
				return true
			}
		}
		return false
	}
	return false
}
