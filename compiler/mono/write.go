package mono

import (
	"errors"
	"go/types"
	"strconv"
	"strings"
)

// writer writes concrete types as Go source: the instances of the cells'
// generic types by the names of their instance declarations (ensure).
type writer struct {
	ensure func(origin string, args []types.Type) (string, error)
}

// write returns t as source.
func (w *writer) write(t types.Type, depth int) (string, error) {
	if depth > 32 {
		return "", errors.New("type too deep")
	}
	switch t := t.(type) {
	case *types.Alias:
		return w.write(types.Unalias(t), depth+1)
	case *types.Basic:
		if t.Info()&types.IsUntyped != 0 || t.Kind() == types.Invalid {
			return "", errors.New("an untyped type")
		}
		return t.Name(), nil
	case *types.Named:
		obj := t.Obj()
		args := t.TypeArgs()
		if obj.Pkg() == nil { // error, comparable
			return obj.Name(), nil
		}
		if obj.Pkg().Path() == "main" {
			if obj.Parent() != obj.Pkg().Scope() {
				return "", errors.New("a type declared inside a function")
			}
			if args != nil && args.Len() > 0 {
				var as []types.Type
				for i := 0; i < args.Len(); i++ {
					as = append(as, args.At(i))
				}
				return w.ensure(obj.Name(), as)
			}
			return obj.Name(), nil
		}
		s := obj.Pkg().Name() + "." + obj.Name()
		if args != nil && args.Len() > 0 {
			var as []string
			for i := 0; i < args.Len(); i++ {
				a, err := w.write(args.At(i), depth+1)
				if err != nil {
					return "", err
				}
				as = append(as, a)
			}
			s += "[" + strings.Join(as, ", ") + "]"
		}
		return s, nil
	case *types.Pointer:
		e, err := w.write(t.Elem(), depth+1)
		return "*" + e, err
	case *types.Slice:
		e, err := w.write(t.Elem(), depth+1)
		return "[]" + e, err
	case *types.Array:
		e, err := w.write(t.Elem(), depth+1)
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + e, err
	case *types.Map:
		k, err := w.write(t.Key(), depth+1)
		if err != nil {
			return "", err
		}
		e, err := w.write(t.Elem(), depth+1)
		return "map[" + k + "]" + e, err
	case *types.Chan:
		e, err := w.write(t.Elem(), depth+1)
		if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
			e = "(" + e + ")"
		}
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + e, err
		case types.RecvOnly:
			return "<-chan " + e, err
		}
		return "chan " + e, err
	case *types.Signature:
		return w.signature(t, depth)
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			ft, err := w.write(f.Type(), depth+1)
			if err != nil {
				return "", err
			}
			if i > 0 {
				b.WriteString("; ")
			}
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			b.WriteString(ft)
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		return b.String() + "}", nil
	case *types.Interface:
		if t.Empty() {
			return "any", nil
		}
		if mentionsParams(t, 0) {
			return "", errors.New("an interface of type parameters")
		}
		return types.TypeString(t, func(p *types.Package) string {
			if p.Path() == "main" {
				return ""
			}
			return p.Name()
		}), nil
	}
	return "", errors.New("a type the monomorphizer does not write")
}

// signature writes a func type.
func (w *writer) signature(t *types.Signature, depth int) (string, error) {
	var b strings.Builder
	b.WriteString("func(")
	ps := t.Params()
	for i := 0; ps != nil && i < ps.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		pt := ps.At(i).Type()
		if t.Variadic() && i == ps.Len()-1 {
			s, ok := pt.(*types.Slice)
			if !ok {
				return "", errors.New("a variadic parameter that is not a slice")
			}
			e, err := w.write(s.Elem(), depth+1)
			if err != nil {
				return "", err
			}
			b.WriteString("..." + e)
			continue
		}
		s, err := w.write(pt, depth+1)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteString(")")
	rs := t.Results()
	if rs == nil || rs.Len() == 0 {
		return b.String(), nil
	}
	var outs []string
	for i := 0; i < rs.Len(); i++ {
		s, err := w.write(rs.At(i).Type(), depth+1)
		if err != nil {
			return "", err
		}
		outs = append(outs, s)
	}
	if len(outs) == 1 {
		return b.String() + " " + outs[0], nil
	}
	return b.String() + " (" + strings.Join(outs, ", ") + ")", nil
}
