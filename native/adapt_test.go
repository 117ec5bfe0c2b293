package native

import (
	"context"
	"reflect"
	"testing"
)

// TestAdaptTypesMadeByReflect: the interpreter makes *[7]int16 with
// reflect before the plugin that uses it is loaded (the test binary does
// not contain the type otherwise), so the plugin's *[7]int16 is another
// type; the adapted function takes the interpreter's.
func TestAdaptTypesMadeByReflect(t *testing.T) {
	b := hostBuilder(t)
	arr := reflect.ArrayOf(7, reflect.TypeOf(int16(0)))
	ptr := reflect.PointerTo(arr)
	slice := reflect.SliceOf(ptr)
	want := reflect.FuncOf([]reflect.Type{ptr, reflect.TypeOf(0)}, []reflect.Type{slice}, false)
	files := map[string]string{"f.go": "package main\n\nfunc set(a *[7]int16, n int) []*[7]int16 {\n\ta[0] = int16(n)\n\treturn []*[7]int16{a, a}\n}\n\nvar F_set = set\n"}
	p, err := b.Build(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	syms, err := Open(p, []string{"F_set"})
	if err != nil {
		t.Fatal(err)
	}
	compiled := syms["F_set"]
	a := reflect.New(arr)
	args := []reflect.Value{a, reflect.ValueOf(9)}
	if compiled.Type().In(0) == ptr {
		t.Log("the plugin's *[7]int16 is the reflect-made one here: the adapter is not needed")
	} else {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Error("calling the plugin's function with the reflect-made type worked: is the adapter needed?")
				} else {
					t.Logf("without the adapter: %v", r)
				}
			}()
			compiled.Call(args)
		}()
	}
	adapted, err := Adapt(compiled, want)
	if err != nil {
		t.Fatal(err)
	}
	if adapted.Type() != want {
		t.Fatalf("adapted type %v is not the interpreter's", adapted.Type())
	}
	out := adapted.Call(args)
	if got := a.Elem().Index(0).Int(); got != 9 {
		t.Errorf("a[0] = %d, want 9", got)
	}
	if out[0].Type() != slice || out[0].Len() != 2 || out[0].Index(1).Pointer() != a.Pointer() {
		t.Errorf("result %v of type %v", out[0], out[0].Type())
	}

	// Another structure is refused.
	other := reflect.FuncOf([]reflect.Type{reflect.PointerTo(reflect.ArrayOf(6, reflect.TypeOf(int16(0)))), reflect.TypeOf(0)}, []reflect.Type{slice}, false)
	if _, err := Adapt(compiled, other); err == nil {
		t.Error("a *[6]int16 parameter was adapted to *[7]int16")
	}
	// The same types: the function itself.
	if same, err := Adapt(compiled, compiled.Type()); err != nil || same.Pointer() != compiled.Pointer() {
		t.Errorf("Adapt to its own type: %v", err)
	}
}
