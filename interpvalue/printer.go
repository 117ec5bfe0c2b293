package interpvalue

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Printer gives compiled fmt the values of the cells' types that yaegi
// keeps in interfaces (an element of a []any, a map of any, a field of
// type any) as values fmt prints as Go does. fmt printed yaegi's wrappers
// ([{0xc000... {...}}]), and cannot call a String or Error method of the
// cells by itself: the cell compiler registers, for each type of the cells
// with such a method, an interpreted function that calls it (Register),
// and the values of those types become Formatters that call it.
type Printer struct {
	mu         sync.Mutex
	methods    map[string]method        // by type name as the cells write it: "V", "*V"
	marshalers map[string]string        // the cells' types with a method of encoding's interfaces: its name
	unwraps    map[string]reflect.Value // interpreted calls of the cells' Unwrap methods, by type
	// valueUnwraps: a struct type of the cells has Unwrap on a value receiver
	valueUnwraps bool
	structs      []structType // the cells' struct types, as RegisterStruct records them
	// shadows: the decoder's shadows of struct types of the cells, with
	// their names (RegisterShadow)
	shadows map[reflect.Type]string
}

// method is an interpreted func(T) string calling T's String or Error.
type method struct {
	name string // "String" or "Error"
	call reflect.Value
}

// Register records f, an interpreted func(T) string that calls the method
// name ("String" or "Error") of the type the cells name typ ("V" or "*V").
// Error wins over String, as in fmt. It returns true (for a var _ = ...).
func (p *Printer) Register(typ, name string, f any) bool {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Func || v.Type().NumIn() != 1 || v.Type().NumOut() != 1 || v.Type().Out(0).Kind() != reflect.String {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.methods == nil {
		p.methods = map[string]method{}
	}
	if old, ok := p.methods[typ]; ok && old.name == "Error" && name != "Error" && old.call.Type().In(0) == v.Type().In(0) {
		return true
	}
	p.methods[typ] = method{name, v}
	return true
}

// lookup returns the method registered for the type yaegi names name
// ("main.V", "*main.V"), if it takes values of held's type.
func (p *Printer) lookup(name string, held reflect.Value) (method, bool) {
	if name == "" {
		return method{}, false
	}
	name = strings.Replace(name, "main.", "", 1)
	p.mu.Lock()
	m, ok := p.methods[name]
	p.mu.Unlock()
	if !ok || !held.Type().AssignableTo(m.call.Type().In(0)) {
		return method{}, false
	}
	return m, true
}

// byType returns the one method registered for values of held's type,
// for a value yaegi kept with the type of the interface it was assigned to
// (an error, a fmt.Stringer): the value's type is one of the cells' types
// with such a method. Two types of the cells with the same representation
// and methods cannot be told apart: that panics with a clear error.
func (p *Printer) byType(held reflect.Value) (method, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var found []string
	var m method
	for name, c := range p.methods {
		if c.call.Type().In(0) == held.Type() {
			found = append(found, name)
			m = c
		}
	}
	switch len(found) {
	case 0:
		return method{}, false
	case 1:
		return m, true
	}
	slices.Sort(found)
	panic(runtimeError("fmt of a value held in an interface whose type the interpreter does not know: it is one of " + strings.Join(found, ", ") + " (types of the cells with the same representation); print it with its own type (a type assertion) instead"))
}

// byFields returns the method of the one type among known ("=V", "=*V":
// the cells' struct types with String or Error whose fields no other type
// of the cells has) that takes values of held's type, a struct or a
// pointer to one that yaegi gave without its type (a value returned as
// any). A value of a type marked "?" (another type has its fields) panics
// with a clear error.
func (p *Printer) byFields(held reflect.Value, known []string) (method, bool) {
	if k := held.Kind(); k != reflect.Struct && (k != reflect.Pointer || held.Type().Elem().Kind() != reflect.Struct) {
		return method{}, false
	}
	var m method
	n := 0
	for _, k := range known {
		if len(k) < 2 || k[0] != '=' && k[0] != '?' {
			continue
		}
		c, ok := p.lookup(k[1:], held)
		if !ok || c.call.Type().In(0) != held.Type() {
			continue
		}
		if k[0] == '?' {
			panic(runtimeError("fmt of a value the interpreter kept without its type (returned as any): it cannot tell whether it is a " + k[1:] + ", whose " + c.name + " method fmt would call, or a value of another type of the cells with the same fields; give the types different fields, or print the value with its own type (a type assertion)"))
		}
		m, n = c, n+1
	}
	return m, n == 1
}

// isValueInterface reports whether the interface value v holds yaegi's
// valueInterface.
func isValueInterface(v reflect.Value) bool {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	return v.IsValid() && v.Kind() == reflect.Struct && v.Type().PkgPath() == "github.com/traefik/yaegi/interp" && v.Type().Name() == "valueInterface"
}

// Value returns x, an operand of fmt whose type holds interfaces (a slice,
// array or map of them, a struct with such fields, or an interface), with
// the values of the cells' types that yaegi keeps in them replaced: by a
// Formatter calling their String or Error method when one is registered,
// by the value held otherwise. A value of one of refused (types of the
// cells with a Format method, or generic ones with String or Error), which
// compiled fmt cannot print as Go does, panics with a clear error.
func (p *Printer) Value(x any, refused ...string) any {
	v := reflect.ValueOf(&x).Elem()
	if slices.Contains(refused, TypedOperand) {
		v = v.Elem() // its own type: not one to tell by its fields
	}
	out, changed := p.value(v, refused, 0, false)
	if !changed {
		return x
	}
	return out.Interface()
}

// TypedOperand, among Value's refused, says that x is of the operand's
// static type, not an interface: fmt calls none of its methods (the cell
// compiler gives fmt a value with String, Error or Format itself).
const TypedOperand = "!typed"

// maxDepth bounds the values Value looks into.
const maxDepth = 4

// value returns v with the values of the cells' types in it replaced, and
// whether it made a copy. Under an unexported field (raw), fmt calls no
// method: the values are only unwrapped.
func (p *Printer) value(v reflect.Value, refused []string, depth int, raw bool) (reflect.Value, bool) {
	if depth > maxDepth || !v.IsValid() {
		return v, false
	}
	if out, ok := p.ofValueInterfaces(v, refused, depth, raw); ok {
		return out, true
	}
	switch v.Kind() {
	case reflect.Interface:
		return p.held(v, refused, depth, raw)
	case reflect.Slice, reflect.Array:
		if !holdsInterfaces(v.Type().Elem()) || v.Kind() == reflect.Slice && v.IsNil() {
			return v, false
		}
		var out reflect.Value
		for i := 0; i < v.Len(); i++ {
			e, changed := p.value(v.Index(i), refused, depth+1, raw)
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = copied(v)
			}
			if !e.Type().AssignableTo(out.Type().Elem()) {
				out = asAnys(out) // an element of another type now (a struct with a []Shape)
			}
			out.Index(i).Set(e)
		}
		return out, out.IsValid()
	case reflect.Map:
		if !holdsInterfaces(v.Type().Elem()) || v.IsNil() {
			return v, false
		}
		var out reflect.Value
		for it := v.MapRange(); it.Next(); {
			e, changed := p.value(it.Value(), refused, depth+1, raw)
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = copied(v)
			}
			if !e.Type().AssignableTo(out.Type().Elem()) {
				out = asAnys(out)
			}
			out.SetMapIndex(it.Key(), e)
		}
		return out, out.IsValid()
	case reflect.Struct:
		bared := false
		if bt, ok := bareFieldsType(v.Type()); ok && !slices.Contains(refused, goSyntaxMode) {
			v, bared = bareFields(v, bt), true
		}
		if !holdsInterfaces(v.Type()) {
			return v, bared
		}
		if bared {
			v = copied(v) // settable
		}
		var out reflect.Value
		for i := 0; i < v.NumField(); i++ {
			e, changed := p.value(v.Field(i), refused, depth+1, raw || unexported(v.Type().Field(i)))
			if !changed {
				continue
			}
			if !out.IsValid() {
				out = copied(v)
			}
			if !e.Type().AssignableTo(out.Type().Field(i).Type) {
				if out = withFieldType(out, i, e.Type()); !out.IsValid() {
					return v, bared
				}
			}
			out.Field(i).Set(e)
		}
		if !out.IsValid() && bared {
			return v, true
		}
		return out, out.IsValid()
	}
	return v, false
}

// bareFieldsType returns t, a struct type of the interpreter, with the
// unexported fields of a compiled type of a basic kind that fmt would
// call a method of (a time.Duration's String) of that basic type instead:
// fmt calls no method of an unexported field, and yaegi exports them.
func bareFieldsType(t reflect.Type) (reflect.Type, bool) {
	if t.PkgPath() != "" || t.Name() != "" {
		return nil, false // a compiled struct
	}
	fields := make([]reflect.StructField, t.NumField())
	changed := false
	for i := range fields {
		f := t.Field(i)
		if bt, ok := basicTypes[f.Type.Kind()]; ok && unexported(f) && f.Type.PkgPath() != "" && printsWithMethod(f.Type) {
			f.Type, changed = bt, true
		}
		fields[i] = f
	}
	if !changed {
		return nil, false
	}
	return reflect.StructOf(fields), true
}

// printsWithMethod reports whether fmt prints a value of t with one of
// its methods.
func printsWithMethod(t reflect.Type) bool {
	return t.Implements(reflect.TypeFor[fmt.Stringer]()) || t.Implements(reflect.TypeFor[error]()) || t.Implements(reflect.TypeFor[fmt.Formatter]()) || t.Implements(reflect.TypeFor[fmt.GoStringer]())
}

// bareFields returns v as a value of bt (bareFieldsType).
func bareFields(v reflect.Value, bt reflect.Type) reflect.Value {
	out := reflect.New(bt).Elem()
	for i := 0; i < v.NumField(); i++ {
		out.Field(i).Set(v.Field(i).Convert(bt.Field(i).Type))
	}
	return out
}

// basicTypes are the types of the basic kinds.
var basicTypes = map[reflect.Kind]reflect.Type{
	reflect.Bool: reflect.TypeFor[bool](), reflect.String: reflect.TypeFor[string](),
	reflect.Int: reflect.TypeFor[int](), reflect.Int8: reflect.TypeFor[int8](), reflect.Int16: reflect.TypeFor[int16](),
	reflect.Int32: reflect.TypeFor[int32](), reflect.Int64: reflect.TypeFor[int64](),
	reflect.Uint: reflect.TypeFor[uint](), reflect.Uint8: reflect.TypeFor[uint8](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Uint32: reflect.TypeFor[uint32](), reflect.Uint64: reflect.TypeFor[uint64](), reflect.Uintptr: reflect.TypeFor[uintptr](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
}

// held returns what the interface value v should give fmt.
func (p *Printer) held(v reflect.Value, refused []string, depth int, raw bool) (reflect.Value, bool) {
	held, name := Dynamic(v)
	if !held.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() && nilValueInterface(v.Elem()) {
		// a nil interface of the cells in an any ([]any{nilShape}): <nil>
		return reflect.Zero(v.Type()), true
	}
	if !held.IsValid() || !held.CanInterface() {
		return v, false
	}
	if sv, n, ok := selfValue(held.Interface()); ok { // see SelfMethod
		held, name = sv, n
	}
	if name != "" && (slices.Contains(refused, name) || slices.Contains(refused, strings.Replace(name, "main.", "", 1))) { // "=V" never matches
		panic(runtimeError("fmt of a value of " + strings.Replace(name, "main.", "", 1) + " inside an interface (an element of a []any or map of any, a field of type any) is not supported by the interpreter: compiled fmt cannot call its Format method there (or String of a generic type); print the value itself"))
	}
	if name != "" && slices.Contains(refused, goSyntaxMode) {
		out := reflect.New(v.Type()).Elem()
		out.Set(reflect.ValueOf(goSyntaxOf{p, held, name}))
		return out, true
	}
	if !raw {
		m, ok := p.lookup(name, held)
		if name == "" && isValueInterface(v) {
			m, ok = p.byType(held)
		} else if name == "" {
			m, ok = p.byFields(held, refused)
		}
		if ok {
			out := reflect.New(v.Type()).Elem()
			out.Set(reflect.ValueOf(formatter{held, m}))
			return out, true
		}
	}
	inner, changed := p.value(held, refused, depth+1, raw)
	if !changed && held.Type() == v.Elem().Type() {
		return v, false // not a wrapper of yaegi, nothing inside
	}
	if !changed {
		inner = held // out of yaegi's wrapper
	}
	out := reflect.New(v.Type()).Elem()
	out.Set(inner)
	return out, true
}

// holdsInterfaces reports whether values of t may hold interface values
// that Value replaces: t is an interface, or a slice, array, map or
// struct of yaegi's (a reflect type without a package) with such parts.
func holdsInterfaces(t reflect.Type) bool {
	return holds(t, 0)
}

func holds(t reflect.Type, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Slice, reflect.Array, reflect.Map:
		return holds(t.Elem(), depth+1)
	case reflect.Struct:
		if isValueInterfaceType(t) {
			return true
		}
		if t.PkgPath() != "" {
			return false // a compiled type: its fields are not ours to set
		}
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && holds(f.Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// unexported reports whether f, a field of a struct type of yaegi's, is
// an unexported field of the cells: yaegi exports it with an X (xs: Xxs),
// and the cell compiler tags those of named types json:"-" xml:"-".
func unexported(f reflect.StructField) bool {
	if strings.HasPrefix(string(f.Tag), `json:"-" xml:"-"`) {
		return true
	}
	r := []rune(f.Name)
	return len(r) > 1 && r[0] == 'X' && (r[1] == '_' || unicode.IsLower(r[1]))
}

// copied returns a settable copy of v (a slice, array, map or struct).
func copied(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(out, v)
		return out
	case reflect.Map:
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), it.Value())
		}
		return out
	}
	out := reflect.New(v.Type()).Elem()
	out.Set(v)
	return out
}

// asAnys returns v, a slice, array or map, as one of any with the same
// elements.
func asAnys(v reflect.Value) reflect.Value {
	var out reflect.Value
	switch v.Kind() {
	case reflect.Slice:
		out = reflect.MakeSlice(reflect.SliceOf(anyType), v.Len(), v.Len())
	case reflect.Array:
		out = reflect.New(reflect.ArrayOf(v.Len(), anyType)).Elem()
	case reflect.Map:
		out = reflect.MakeMapWithSize(reflect.MapOf(v.Type().Key(), anyType), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), it.Value())
		}
		return out
	}
	for i := 0; i < v.Len(); i++ {
		out.Index(i).Set(v.Index(i))
	}
	return out
}

// withFieldType returns v, a struct, as a value of a struct type whose
// field i is of type t (the field's value is left zero), or the zero Value
// if reflect cannot make that type.
func withFieldType(v reflect.Value, i int, t reflect.Type) (out reflect.Value) {
	fields := make([]reflect.StructField, v.NumField())
	for j := range fields {
		fields[j] = v.Type().Field(j)
	}
	fields[i].Type = t
	defer func() {
		if recover() != nil {
			out = reflect.Value{}
		}
	}()
	out = reflect.New(reflect.StructOf(fields)).Elem()
	for j := range fields {
		if j != i {
			out.Field(j).Set(v.Field(j))
		}
	}
	return out
}
