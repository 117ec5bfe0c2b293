package complete

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

// valueString formats v like fmt's %v, cut to about max bytes. Only the
// String and Error methods of standard library types are called: those of
// the cells' types would run cell code.
func valueString(v reflect.Value, max int) string {
	w := &valueWriter{max: max}
	w.value(v, 0)
	if s := w.b.String(); len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(w.b.String()[:max], "") + "…"
}

// valueWriter writes values until it has more than max bytes.
type valueWriter struct {
	b   strings.Builder
	max int
}

// value writes v, at nesting depth depth.
func (w *valueWriter) value(v reflect.Value, depth int) {
	switch {
	case w.b.Len() > w.max:
		return
	case depth > maxDepth:
		w.b.WriteString("…")
		return
	}
	if !v.IsValid() {
		w.b.WriteString("<nil>")
		return
	}
	if inner, ok := unwrapYaegi(v); ok {
		w.value(inner, depth+1)
		return
	}
	if s, ok := stdString(v); ok {
		w.b.WriteString(s)
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		w.value(v.Elem(), depth)
	case reflect.Pointer:
		switch {
		case v.IsNil():
			w.b.WriteString("<nil>")
		case depth == 0 && isComposite(v.Elem().Kind()):
			w.b.WriteByte('&')
			w.value(v.Elem(), depth+1)
		default:
			fmt.Fprintf(&w.b, "%#x", v.Pointer())
		}
	case reflect.Struct:
		w.list("{", "}", v.NumField(), func(i int) { w.value(v.Field(i), depth+1) })
	case reflect.Slice, reflect.Array:
		w.list("[", "]", v.Len(), func(i int) { w.value(v.Index(i), depth+1) })
	case reflect.Map:
		w.mapValue(v, depth)
	case reflect.String:
		w.b.WriteString(v.String())
	case reflect.Bool:
		w.b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		w.b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits()))
	case reflect.Complex64, reflect.Complex128:
		w.b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, v.Type().Bits()))
	default: // chan, func, unsafe pointer
		if v.IsNil() {
			w.b.WriteString("<nil>")
		} else {
			fmt.Fprintf(&w.b, "%#x", v.Pointer())
		}
	}
}

// isComposite reports whether fmt prints a pointer to a value of kind k
// as &value.
func isComposite(k reflect.Kind) bool {
	return k == reflect.Struct || k == reflect.Array || k == reflect.Slice || k == reflect.Map
}

// list writes n items between open and close, separated by spaces.
func (w *valueWriter) list(open, close string, n int, item func(int)) {
	w.b.WriteString(open)
	for i := 0; i < n && w.b.Len() <= w.max; i++ {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		item(i)
	}
	w.b.WriteString(close)
}

// mapValue writes a map as fmt does: map[k:v ...], sorted by key.
func (w *valueWriter) mapValue(v reflect.Value, depth int) {
	type kv struct{ k, v string }
	var items []kv
	for it := v.MapRange(); it.Next() && len(items) < w.max; {
		k, e := &valueWriter{max: w.max}, &valueWriter{max: w.max}
		k.value(it.Key(), depth+1)
		e.value(it.Value(), depth+1)
		items = append(items, kv{k.b.String(), e.b.String()})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].k < items[j].k })
	w.list("map[", "]", len(items), func(i int) { w.b.WriteString(items[i].k + ":" + items[i].v) })
}

// stdString returns v.Error() or v.String() when a standard library type
// defines it (an interface's dynamic value is checked, not the interface).
func stdString(v reflect.Value) (string, bool) {
	t := v.Type()
	switch t.Kind() {
	case reflect.Interface:
		return "", false
	case reflect.Pointer:
		if v.IsNil() {
			return "", false
		}
		t = t.Elem()
	}
	if _, std := stdPaths()[t.PkgPath()]; !std || !v.CanInterface() {
		return "", false
	}
	switch x := v.Interface().(type) {
	case error:
		return x.Error(), true
	case fmt.Stringer:
		return x.String(), true
	}
	return "", false
}

// unwrapYaegi returns the value a struct of the interpreter wraps: an
// interface value of the cells (valueInterface, holding a reflect.Value
// in an unexported field) or an adapter of a cell value to a compiled
// interface (its IValue field).
func unwrapYaegi(v reflect.Value) (reflect.Value, bool) {
	t := v.Type()
	if v.Kind() != reflect.Struct || !strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi") {
		return v, false
	}
	if f := v.FieldByName("IValue"); f.IsValid() {
		return f, true
	}
	if t.Name() != "valueInterface" {
		return v, false
	}
	if !v.CanAddr() {
		if !v.CanInterface() {
			return v, false
		}
		c := reflect.New(t).Elem()
		c.Set(v)
		v = c
	}
	f := v.FieldByName("value")
	if !f.IsValid() || f.Type() != reflect.TypeFor[reflect.Value]() {
		return v, false
	}
	inner := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(reflect.Value)
	return inner, true
}
