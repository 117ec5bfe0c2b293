package celltype

import (
	"fmt"
	"go/types"
	"reflect"
	"strconv"
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
	return EncodingMethod(t, JSONMethods, seen)
}

// XMLMethods are the methods encoding/xml calls.
var XMLMethods = []string{"MarshalXML", "MarshalXMLAttr", "MarshalText", "UnmarshalXML", "UnmarshalXMLAttr", "UnmarshalText"}

// EncodingMethod returns the name of a type of the cells inside t with
// one of methods, and the method.
func EncodingMethod(t types.Type, methods []string, seen map[types.Type]bool) (string, string) {
	if t == nil || seen[t] {
		return "", ""
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" {
		for _, m := range methods {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), m); obj != nil {
				if _, isFunc := obj.(*types.Func); isFunc {
					return n.Obj().Name(), m
				}
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return EncodingMethod(u.Elem(), methods, seen)
	case *types.Slice:
		return EncodingMethod(u.Elem(), methods, seen)
	case *types.Array:
		return EncodingMethod(u.Elem(), methods, seen)
	case *types.Map:
		if o, m := EncodingMethod(u.Key(), methods, seen); o != "" {
			return o, m
		}
		return EncodingMethod(u.Elem(), methods, seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if o, m := EncodingMethod(u.Field(i).Type(), methods, seen); o != "" {
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

// TemplateNames returns, for the data of a template of static type t, the
// names of the methods of the cells' types in it (quoted), the fields
// whose values a template would print with a String or Error method of
// the cells' types ("Price=Money" quoted; "." for the data itself; the
// type "?" when fields of that name have other types too), and the
// source of a dispatcher func(method, typ string, recv any, args []any) (any, error,
// bool) calling the methods of those types (ts writes a type in the cell;
// runtime names the kernel's runtime package): compiled templates do not
// see the cells' methods. An interface is any of cellTypes.
func TemplateNames(t types.Type, cellTypes []types.Type, ts func(types.Type) string, runtime string) (methods, printed []string, dispatch string) {
	seen := map[string]bool{}
	add := func(list *[]string, s string) {
		if q := strconv.Quote(s); !seen[q] {
			seen[q] = true
			*list = append(*list, q)
		}
	}
	fieldTypes := map[string]string{}
	var fieldOrder []string
	var named []*types.Named
	// note records that a field or method name gives values printed with
	// the String method of the type typ ("": none)
	note := func(name, typ string) {
		if old, ok := fieldTypes[name]; !ok {
			fieldTypes[name] = typ
			fieldOrder = append(fieldOrder, name)
		} else if old != typ {
			fieldTypes[name] = "?"
		}
	}
	visited := map[types.Type]bool{}
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if t == nil || depth > 5 || visited[t] {
			return
		}
		visited[t] = true
		if types.IsInterface(t) && depth == 0 {
			for _, ct := range cellTypes {
				walk(ct, depth+1)
			}
			return
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && n.TypeParams() == nil {
			named = append(named, n)
			ms := types.NewMethodSet(types.NewPointer(n))
			for i := 0; i < ms.Len(); i++ {
				add(&methods, ms.At(i).Obj().Name())
				// a result printed with its String method, and what is in it
				if sig, ok := ms.At(i).Obj().Type().(*types.Signature); ok && sig.Results().Len() > 0 {
					r := sig.Results().At(0).Type()
					note(ms.At(i).Obj().Name(), printedWith(r, 0))
					walk(r, depth+1)
				}
			}
		}
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			walk(u.Elem(), depth+1)
		case *types.Slice:
			walk(u.Elem(), depth+1)
		case *types.Array:
			walk(u.Elem(), depth+1)
		case *types.Map:
			walk(u.Elem(), depth+1)
		case *types.Struct:
			for i := 0; i < u.NumFields(); i++ {
				f := u.Field(i)
				if !f.Exported() {
					continue
				}
				note(f.Name(), printedWith(f.Type(), 0))
				walk(f.Type(), depth+1)
			}
		}
	}
	if name := printedWith(t, 0); name != "" {
		add(&printed, "."+"="+name)
	}
	walk(t, 0)
	for _, f := range fieldOrder {
		if typ := fieldTypes[f]; typ != "" {
			add(&printed, f+"="+typ)
		}
	}
	return methods, printed, templateDispatch(named, ts, runtime)
}

// templateDispatch writes TemplateNames's dispatcher for the types named.
func templateDispatch(named []*types.Named, ts func(types.Type) string, runtime string) string {
	cases := map[string][]string{}
	var order []string
	for _, n := range named {
		ms := types.NewMethodSet(types.NewPointer(n))
		for i := 0; i < ms.Len(); i++ {
			fn, ok := ms.At(i).Obj().(*types.Func)
			if !ok || !fn.Exported() {
				continue
			}
			sig := fn.Type().(*types.Signature)
			res := sig.Results()
			if sig.Variadic() || res.Len() == 0 || res.Len() > 2 {
				continue
			}
			badSig := ""
			if res.Len() == 2 && !types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type()) {
				// Go's template refuses to call it
				badSig = "invalid function signature for " + fn.Name() + ": second return value should be error; is " + types.TypeString(res.At(1).Type(), func(p *types.Package) string { return p.Name() })
			}
			// the arguments, converted to the parameters' types as the
			// template would (interpvalue.TemplateArg)
			var args, conv []string
			ok = ts(n) != ""
			for j := 0; j < sig.Params().Len(); j++ {
				pt := ts(sig.Params().At(j).Type())
				ok = ok && pt != ""
				a := fmt.Sprintf("a%d", j)
				args = append(args, a)
				conv = append(conv, fmt.Sprintf("%s, ok%d := %s.TemplateArg(__gka[%d], (*%s)(nil)).(%s); if !ok%d { return nil, %s.TemplateArgError(__gka[%d], %q), true }; ", a, j, runtime, j, pt, pt, j, runtime, j, pt))
			}
			if !ok {
				continue
			}
			call := strings.Join(conv, "") + "return v." + fn.Name() + "(" + strings.Join(args, ", ") + "), nil, true"
			if res.Len() == 2 {
				call = strings.Join(conv, "") + "x, err := v." + fn.Name() + "(" + strings.Join(args, ", ") + "); return x, err, true"
			}
			if badSig != "" {
				call = "_ = v; return nil, " + runtime + ".TemplateSigError(" + strconv.Quote(badSig) + "), true"
			}
			// a method on the pointer may be called on nil, as Go's
			// templates call it; one on the value may not
			onValue := types.NewMethodSet(n).Lookup(fn.Pkg(), fn.Name()) != nil
			nilCheck := ""
			if onValue {
				nilCheck = " && v != nil"
			}
			var b strings.Builder
			fmt.Fprintf(&b, "if (__gkt == \"\" || __gkt == %q) && len(__gka) == %d {\n", n.Obj().Name(), sig.Params().Len())
			fmt.Fprintf(&b, "if v, ok := __gkr.(%s); ok {\n%s\n}\n", ts(n), call)
			fmt.Fprintf(&b, "if v, ok := __gkr.(%s); ok%s {\n%s\n}\n}\n", ts(types.NewPointer(n)), nilCheck, call)
			// called with another number of arguments: Go's template fails
			// with a message of its own (TemplateArity)
			fmt.Fprintf(&b, "if _, ok := __gkr.(%s); (ok || func() bool { _, ok := __gkr.(%s); return ok }()) && (__gkt == \"\" || __gkt == %q) && len(__gka) != %d {\nreturn nil, %s.TemplateArity(%q, %d, len(__gka)), true\n}\n", ts(n), ts(types.NewPointer(n)), n.Obj().Name(), sig.Params().Len(), runtime, fn.Name(), sig.Params().Len())
			if _, ok := cases[fn.Name()]; !ok {
				order = append(order, fn.Name())
			}
			cases[fn.Name()] = append(cases[fn.Name()], b.String())
		}
	}
	var b strings.Builder
	b.WriteString("func(__gkm, __gkt string, __gkr any, __gka []any) (any, error, bool) {\nswitch __gkm {\n")
	for _, m := range order {
		fmt.Fprintf(&b, "case %q:\n%s", m, strings.Join(cases[m], ""))
	}
	b.WriteString("}\nreturn nil, nil, false\n}")
	return b.String()
}

// printedWith returns the name of a type of the cells in t (its elements,
// through pointers, slices, arrays and maps) that fmt prints with its
// String or Error method, or "".
func printedWith(t types.Type, depth int) string {
	if t == nil || depth > 4 {
		return ""
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" && !types.IsInterface(n) {
		ms := types.NewMethodSet(types.NewPointer(n))
		if HasMethod(ms, "String") || HasMethod(ms, "Error") {
			return n.Obj().Name()
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return printedWith(u.Elem(), depth+1)
	case *types.Slice:
		return printedWith(u.Elem(), depth+1)
	case *types.Array:
		return printedWith(u.Elem(), depth+1)
	case *types.Map:
		return printedWith(u.Elem(), depth+1)
	}
	return ""
}
