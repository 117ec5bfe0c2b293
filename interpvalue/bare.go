package interpvalue

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
)

// RegisterMarshaler records that the type of the cells typ ("V") has the
// method name of an interface of encoding or encoding/json (MarshalJSON,
// MarshalText...), which compiled code does not see (see Bare). It
// returns true (for a var _ = ...).
func (p *Printer) RegisterMarshaler(typ, name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.marshalers == nil {
		p.marshalers = map[string]string{}
	}
	p.marshalers[strings.TrimPrefix(typ, "*")] = name
	return true
}

// Bare returns x, a value given to an encoder (json.Marshal), with the
// values of the cells' types that yaegi keeps in interfaces (elements of a
// []any, values of a map[string]any, fields of type any) replaced by their
// bare values, as compiled code would see a value of a type of its own
// without methods: the encoder saw yaegi's wrapper (a struct of
// unexported fields, {}). x is copied where it changes; it is not
// modified. A value of a type with a method an encoder would call
// (MarshalJSON...) panics: the encoder cannot call it.
func (p *Printer) Bare(x any) any {
	v, changed := p.bare(reflect.ValueOf(&x).Elem(), 0)
	if !changed {
		return x
	}
	return v.Interface()
}

// bare returns v with the wrappers inside replaced, and whether it
// replaced one.
func (p *Printer) bare(v reflect.Value, depth int) (reflect.Value, bool) {
	if depth > 64 || !v.IsValid() {
		return v, false
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		inner, name, wrapped := dynamic(v)
		if wrapped {
			if m := p.marshaler(name); m != "" {
				panic(fmt.Sprintf("encoding: a %s in an interface has a %s method, which compiled code does not see in the interpreter: convert it (json.RawMessage from its %s), or run the cell compiled with %%%%compile", strings.TrimPrefix(name, "main."), m, m))
			}
		}
		b, changed := p.bare(inner, depth+1)
		if !wrapped && !changed || !b.IsValid() || !b.Type().AssignableTo(v.Type()) {
			return v, false
		}
		r := reflect.New(v.Type()).Elem()
		r.Set(b)
		return r, true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		e, changed := p.bare(v.Elem(), depth+1)
		if !changed {
			return v, false
		}
		r := reflect.New(e.Type())
		r.Elem().Set(e)
		return r, true
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return v, false
		}
		if isValueInterfaceType(v.Type().Elem()) {
			return p.bareValueInterfaces(v, depth), true
		}
		var r reflect.Value
		for i := 0; i < v.Len(); i++ {
			e, changed := p.bare(v.Index(i), depth+1)
			if !changed || !e.Type().AssignableTo(v.Type().Elem()) {
				continue
			}
			if !r.IsValid() {
				r = copyOf(v)
			}
			r.Index(i).Set(e)
		}
		return orig(v, r)
	case reflect.Map:
		if isValueInterfaceType(v.Type().Elem()) && !v.IsNil() {
			return p.bareValueInterfaces(v, depth), true
		}
		var r reflect.Value
		iter := v.MapRange()
		for iter.Next() {
			e, changed := p.bare(iter.Value(), depth+1)
			if !changed || !e.Type().AssignableTo(v.Type().Elem()) {
				continue
			}
			if !r.IsValid() {
				r = reflect.MakeMapWithSize(v.Type(), v.Len())
				for it := v.MapRange(); it.Next(); {
					r.SetMapIndex(it.Key(), it.Value())
				}
			}
			r.SetMapIndex(iter.Key(), e)
		}
		return orig(v, r)
	case reflect.Struct:
		var r reflect.Value
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue // encoders skip it
			}
			e, changed := p.bare(v.Field(i), depth+1)
			if !changed || !e.Type().AssignableTo(v.Field(i).Type()) {
				continue
			}
			if !r.IsValid() {
				r = reflect.New(v.Type()).Elem()
				r.Set(v)
			}
			r.Field(i).Set(e)
		}
		return orig(v, r)
	}
	return v, false
}

// bareValueInterfaces returns v, a slice, array or map of values of an
// interface type of the cells (a []Shape: yaegi's valueInterfaces, which
// encoders saw as structs without exported fields: [{}]), as one of any
// holding their values bare.
func (p *Printer) bareValueInterfaces(v reflect.Value, depth int) reflect.Value {
	return ofAny(v, func(e reflect.Value) reflect.Value {
		iv := reflect.New(anyType).Elem()
		if nilValueInterface(e) {
			return iv
		}
		iv.Set(e)
		b, _ := p.bare(iv, depth+1)
		return b
	})
}

// copyOf returns a settable copy of v, a slice or an array.
func copyOf(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Array {
		r := reflect.New(v.Type()).Elem()
		r.Set(v)
		return r
	}
	r := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(r, v)
	return r
}

// orig returns r and true when valid (a changed copy of v), else v.
func orig(v, r reflect.Value) (reflect.Value, bool) {
	if r.IsValid() {
		return r, true
	}
	return v, false
}

// marshaler returns the encoding method registered for the type yaegi
// names name ("main.V", "*main.V"), or "".
func (p *Printer) marshaler(name string) string {
	if name == "" {
		return ""
	}
	name = strings.TrimPrefix(strings.Replace(name, "main.", "", 1), "*")
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.marshalers[name]
}

// XMLNamed returns v for encoding/xml under the element name name, the
// name of v's type of the cells: the interpreter's struct types have no
// names, so xml.Marshal of a cell's struct without an XMLName field failed
// ("xml: unsupported type") and wrote nothing. A slice or array of them
// names each element so, as Go does.
func XMLNamed(v any, name string) any { return xmlNamed{v, name} }

type xmlNamed struct {
	v    any
	name string
}

// MarshalXML encodes the value under its name.
func (n xmlNamed) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Name = xml.Name{Local: n.name}
	return e.EncodeElement(n.v, start)
}
