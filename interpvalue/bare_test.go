package interpvalue

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// interpreted evaluates src with yaegi and returns the value of its last
// expression: values of the interpreter's types as compiled code gets them.
func interpreted(t *testing.T, expr string) any {
	t.Helper()
	i := interp.New(interp.Options{})
	if _, err := i.Eval(cellTypes); err != nil {
		t.Fatal(err)
	}
	v, err := i.Eval(expr)
	if err != nil {
		t.Fatal(err)
	}
	return v.Interface()
}

const cellTypes = `
type Temp float64
func (t Temp) Half() Temp { return t / 2 }
type Rec struct { Name string; V any }
`

func TestBareUnwrapsForEncoders(t *testing.T) {
	var p Printer
	for _, c := range []struct{ expr, want string }{
		{`[]any{Temp(3), 4, "s"}`, `[3,4,"s"]`},
		{`map[string]any{"t": Temp(1.5)}`, `{"t":1.5}`},
		{`Rec{"r", Temp(2)}`, `{"Name":"r","V":2}`},
		{`&Rec{"p", []any{Temp(5)}}`, `{"Name":"p","V":[5]}`},
		{`[]int{1, 2}`, `[1,2]`},
	} {
		x := interpreted(t, c.expr)
		raw, _ := json.Marshal(x)
		b, err := json.Marshal(p.Bare(x))
		if err != nil || string(b) != c.want {
			t.Errorf("%s: json of Bare = %s, %v; want %s (without Bare: %s)", c.expr, b, err, c.want, raw)
		}
	}
	// Bare copies: the value given is left as it was.
	x := interpreted(t, `[]any{Temp(3)}`)
	before, _ := json.Marshal(x)
	p.Bare(x)
	if after, _ := json.Marshal(x); string(after) != string(before) {
		t.Errorf("Bare changed its argument: %s, then %s", before, after)
	}
}

func TestBareRefusesMarshalers(t *testing.T) {
	var p Printer
	p.RegisterMarshaler("Temp", "MarshalJSON")
	x := interpreted(t, `[]any{Temp(3)}`)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "a Temp in an interface has a MarshalJSON method") {
			t.Errorf("Bare of a MarshalJSON type: recovered %v", r)
		}
	}()
	p.Bare(x)
}
