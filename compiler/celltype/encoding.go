package celltype

import (
	"go/types"
	"reflect"
	"strings"
)

// XMLElementName returns the element name encoding/xml gives a value of
// type t (or of its elements, for a slice or an array), a struct type of
// the cells without an XMLName field, possibly behind pointers: the type's
// name, which the interpreter's struct types lack; "" for other types.
func XMLElementName(t types.Type) string {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
				return ""
			}
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Named:
			st, ok := u.Underlying().(*types.Struct)
			if !ok || u.Obj().Pkg() == nil || u.Obj().Pkg().Path() != "main" || u.TypeArgs().Len() > 0 {
				return ""
			}
			for i := 0; i < st.NumFields(); i++ {
				if st.Field(i).Name() == "XMLName" {
					return ""
				}
			}
			return u.Obj().Name()
		}
		return ""
	}
	return ""
}

// JSONMethod returns the name of a type of the cells inside t with a
// method of JSONMethods, and the method.
func JSONMethod(t types.Type, seen map[types.Type]bool) (string, string) {
	if t == nil || seen[t] {
		return "", ""
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
		for _, m := range JSONMethods {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), m); obj != nil {
				if _, isFunc := obj.(*types.Func); isFunc {
					return n.Obj().Name(), m
				}
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return JSONMethod(u.Elem(), seen)
	case *types.Slice:
		return JSONMethod(u.Elem(), seen)
	case *types.Array:
		return JSONMethod(u.Elem(), seen)
	case *types.Map:
		if o, m := JSONMethod(u.Key(), seen); o != "" {
			return o, m
		}
		return JSONMethod(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if o, m := JSONMethod(u.Field(i).Type(), seen); o != "" {
				return o, m
			}
		}
	}
	return "", ""
}

// EmbeddedStruct returns the name of a struct type of the cells inside t
// that embeds a struct without a JSON name, and the embedded field.
func EmbeddedStruct(t types.Type, seen map[types.Type]bool) (string, string) {
	if t == nil || seen[t] {
		return "", ""
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return EmbeddedStruct(u.Elem(), seen)
	case *types.Slice:
		return EmbeddedStruct(u.Elem(), seen)
	case *types.Array:
		return EmbeddedStruct(u.Elem(), seen)
	case *types.Map:
		return EmbeddedStruct(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			name, _, _ := strings.Cut(reflect.StructTag(u.Tag(i)).Get("json"), ",")
			if f.Embedded() && IsStruct(f.Type()) && name == "" && Mentions(t) {
				return GoName(t), f.Name()
			}
			if owner, field := EmbeddedStruct(f.Type(), seen); owner != "" {
				return owner, field
			}
		}
	}
	return "", ""
}
