package interpvalue

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type celsius struct{ Xdeg int }

func TestFormatterVerbs(t *testing.T) {
	var p Printer
	if !p.Register("C", "String", func(c celsius) string { return fmt.Sprint(c.Xdeg, "°C") }) {
		t.Fatal("Register refused a func(T) string")
	}
	m, ok := p.lookup("main.C", reflect.ValueOf(celsius{21}))
	if !ok {
		t.Fatal("lookup of main.C failed")
	}
	f := formatter{reflect.ValueOf(celsius{21}), m}
	got := fmt.Sprintf("%v|%s|%q|%6v|%d|%+v", f, f, f, f, f, f)
	if want := `21°C|21°C|"21°C"|  21°C|{21}|21°C`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, ok := p.lookup("main.C", reflect.ValueOf(3)); ok {
		t.Error("lookup accepted a value of another type")
	}
}

func TestFormatterPanics(t *testing.T) {
	var p Printer
	p.Register("*C", "String", func(c *celsius) string { return fmt.Sprint(c.Xdeg) })
	m, _ := p.lookup("*main.C", reflect.ValueOf((*celsius)(nil)))
	if got := fmt.Sprint(formatter{reflect.ValueOf((*celsius)(nil)), m}); got != "<nil>" {
		t.Errorf("nil receiver: got %q, want <nil> (as fmt prints it)", got)
	}
	p.Register("D", "Error", func(c celsius) string { panic("boom") })
	m, _ = p.lookup("D", reflect.ValueOf(celsius{}))
	if got := fmt.Sprint(formatter{reflect.ValueOf(celsius{}), m}); got != "%!v(PANIC=Error method: boom)" {
		t.Errorf("panic: got %q", got)
	}
}

func TestValueLeavesCompiledValues(t *testing.T) {
	var p Printer
	x := []any{1, "a", celsius{2}, map[string]any{"k": 3}}
	if got := p.Value(x); !reflect.DeepEqual(got, x) {
		t.Errorf("Value changed a value without yaegi's wrappers: %v", got)
	}
}

func TestUnexported(t *testing.T) {
	for _, c := range []struct {
		f    reflect.StructField
		want bool
	}{
		{reflect.StructField{Name: "Xname"}, true},
		{reflect.StructField{Name: "X_n"}, true},
		{reflect.StructField{Name: "XName"}, false},
		{reflect.StructField{Name: "Name"}, false},
		{reflect.StructField{Name: "Xylo", Tag: `json:"-" xml:"-"`}, true},
	} {
		if got := unexported(c.f); got != c.want {
			t.Errorf("unexported(%s %q) = %v", c.f.Name, c.f.Tag, got)
		}
	}
}

func TestByFields(t *testing.T) {
	var p Printer
	p.Register("C", "String", func(c celsius) string { return fmt.Sprint(c.Xdeg, "°C") })
	x := any(celsius{5}) // as yaegi gives a value returned as any: no type
	if got := fmt.Sprint(p.Value(x, "=C", "=*C")); got != "5°C" {
		t.Errorf("a value of the one type with these fields: got %q, want 5°C", got)
	}
	if got := fmt.Sprint(p.Value(x)); got != "{5}" {
		t.Errorf("not a type given to Value: got %q, want {5}", got)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "cannot tell whether it is a C") {
			t.Errorf("a value of a type sharing its fields: got %v, want a clear error", r)
		}
	}()
	p.Value(x, "?C", "?*C")
}
