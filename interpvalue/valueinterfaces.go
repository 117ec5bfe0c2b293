package interpvalue

import (
	"reflect"
	"unsafe"
)

// isValueInterfaceType reports whether t is yaegi's valueInterface: the
// reflect type of the values of an interface type of the cells ([]Shape
// is a []valueInterface).
func isValueInterfaceType(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == "github.com/traefik/yaegi/interp" && t.Name() == "valueInterface"
}

// anyType is the type of an empty interface.
var anyType = reflect.TypeFor[any]()

// ofValueInterfaces returns v, a slice, array or map of values of an
// interface type of the cells ([]Shape) or a struct with fields of one,
// with those values replaced as Value replaces values in interfaces, in a
// slice, array, map or struct of any (fmt prints them alike): yaegi gives
// fmt its wrappers there, which printed as {0xc000… {…}}.
func (p *Printer) ofValueInterfaces(v reflect.Value, refused []string, depth int, raw bool) (reflect.Value, bool) {
	elem := func(e reflect.Value, raw bool) reflect.Value {
		iv := reflect.New(anyType).Elem()
		if nilValueInterface(e) {
			return iv // a nil interface of the cells: fmt prints <nil>
		}
		iv.Set(e)
		r, _ := p.held(iv, refused, depth+1, raw)
		return r
	}
	t := v.Type()
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		if !isValueInterfaceType(t.Elem()) || v.Kind() != reflect.Array && v.IsNil() {
			return v, false
		}
		return ofAny(v, func(e reflect.Value) reflect.Value { return elem(e, raw) }), true
	case reflect.Struct:
		if t.PkgPath() != "" || t.Name() != "" {
			return v, false
		}
		fields := make([]reflect.StructField, t.NumField())
		changed := false
		for i := range fields {
			fields[i] = t.Field(i)
			if isValueInterfaceType(fields[i].Type) {
				fields[i].Type, changed = anyType, true
			}
		}
		if !changed {
			return v, false
		}
		var st reflect.Type
		func() {
			defer func() { _ = recover() }() // a field StructOf refuses
			st = reflect.StructOf(fields)
		}()
		if st == nil {
			return v, false
		}
		out := reflect.New(st).Elem()
		for i := range fields {
			f := v.Field(i)
			if fields[i].Type == anyType && isValueInterfaceType(f.Type()) {
				out.Field(i).Set(elem(f, raw || unexported(t.Field(i))))
				continue
			}
			if r, changed := p.value(f, refused, depth+1, raw || unexported(t.Field(i))); changed && r.Type().AssignableTo(fields[i].Type) {
				f = r
			}
			out.Field(i).Set(f)
		}
		return out, true
	}
	return v, false
}

// nilValueInterface reports whether v, a valueInterface, is the zero one:
// yaegi's nil value of an interface type of the cells (a field never set).
func nilValueInterface(v reflect.Value) bool {
	if v.Kind() != reflect.Struct || !isValueInterfaceType(v.Type()) || v.NumField() < 2 {
		return false
	}
	if n := v.Field(0); n.Kind() != reflect.Pointer || !n.IsNil() {
		return false
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return !(*(*reflect.Value)(unsafe.Pointer(c.Field(1).UnsafeAddr()))).IsValid()
}

// ofAny returns v, a slice, array or map of yaegi's valueInterfaces (a
// []Shape), as one of any whose elements are elem of v's.
func ofAny(v reflect.Value, elem func(reflect.Value) reflect.Value) reflect.Value {
	if v.Kind() == reflect.Map {
		out := reflect.MakeMapWithSize(reflect.MapOf(v.Type().Key(), anyType), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), elem(it.Value()))
		}
		return out
	}
	out := reflect.MakeSlice(reflect.SliceOf(anyType), v.Len(), v.Len())
	if v.Kind() == reflect.Array {
		out = reflect.New(reflect.ArrayOf(v.Len(), anyType)).Elem()
	}
	for i := 0; i < v.Len(); i++ {
		out.Index(i).Set(elem(v.Index(i)))
	}
	return out
}
