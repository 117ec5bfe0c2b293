package interpvalue

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The interpreter's struct types are unnamed reflect types; these stand
// for them.
type (
	pointT = struct{ X, Y int }
	userT  = struct {
		Xname string `json:"-" xml:"-"`
		Age   int
	}
)

func TestRenameNamesStructTypesAndFields(t *testing.T) {
	var p Printer
	p.RegisterStruct("main.Point", (*pointT)(nil))
	p.RegisterStruct("main.User", (*userT)(nil), "name")
	got := p.TypeString([]pointT{{1, 2}})
	if got != "[]main.Point" {
		t.Errorf("%%T: %s", got)
	}
	var x any = map[string]any{"u": userT{"bo", 3}}
	if got, want := p.GoSyntax(&x), `map[string]interface {}{"u":main.User{name:"bo", Age:3}}`; got != want {
		t.Errorf("%%#v:\n got %s\nwant %s", got, want)
	}
	if got, want := fmt.Sprintf("%+v", p.Names(x)), "map[u:{name:bo Age:3}]"; got != want {
		t.Errorf("%%+v: %s, want %s", got, want)
	}
	// A field named Xname of a type the cells did not declare so is kept.
	if got := p.Rename("{Xother:1}", false); got != "{Xother:1}" {
		t.Errorf("renamed %s", got)
	}
}

func TestRenameRefusesTypesOfTheSameFields(t *testing.T) {
	var p Printer
	p.RegisterStruct("main.Point", (*pointT)(nil))
	p.RegisterStruct("main.Vec", (*pointT)(nil))
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "cannot tell a Point from a Vec") && !strings.Contains(fmt.Sprint(r), "cannot tell a Vec from a Point") {
			t.Errorf("recovered %v", r)
		}
	}()
	p.TypeString(pointT{})
	t.Error("no panic")
}

func TestRegisterStructIgnoresOtherTypes(t *testing.T) {
	var p Printer
	if p.RegisterStruct("main.N", (*int)(nil)) || p.RegisterStruct("main.N", nil) {
		t.Error("registered a non-struct")
	}
	if reflect.TypeOf(p.structs) != nil && len(p.structs) != 0 {
		t.Error(p.structs)
	}
}

func TestJSONErrorNamesTheStruct(t *testing.T) {
	type jobT = struct {
		Name string `json:"name"`
	}
	type queueT = struct {
		Jobs []jobT `json:"jobs"`
	}
	var p Printer
	p.RegisterStruct("main.Job", (*jobT)(nil))
	p.RegisterStruct("main.Queue", (*queueT)(nil))
	var q queueT
	err := p.JSONError(json.Unmarshal([]byte(`{"jobs":[{"name":3}]}`), &q), &q)
	if want := "json: cannot unmarshal number into Go struct field Job.jobs.name of type string"; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
