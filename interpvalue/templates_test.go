package interpvalue

import (
	"errors"
	"strings"
	"testing"
	"text/template"
)

// dispatch stands for the cell compiler's dispatcher: Total is a method
// of every value, Money's String writes dollars.
func dispatch(method, typ string, recv any, args []any) (any, error, bool) {
	switch {
	case method == "Total" && len(args) == 0:
		return 42, nil, true
	case method == "Times" && len(args) == 1:
		n, _ := TemplateArg(args[0], (*float64)(nil)).(float64)
		return n * 2, nil, true
	case method == "Fail":
		return nil, errors.New("boom"), true
	case method == "String" && typ == "Money":
		return "$" + strings.Repeat("1", recv.(int)), nil, true
	}
	return nil, nil, false
}

type line struct {
	Price int
	Qty   int
}

// TestTemplateHooks: method calls and printed values go through the
// dispatcher; fields that are not methods, and values of other types,
// are left to the template.
func TestTemplateHooks(t *testing.T) {
	tm := template.Must(template.New("t").Parse(`{{.Total}} {{range .Lines}}{{.Price}}/{{.Qty}} {{end}}{{with $l := index .Lines 0}}{{$l.Price}}{{end}} {{.Times 4}} {{3 | .Times}}`))
	TemplateHooks(tm, dispatch, []string{"Total", "Fail", "Times"}, "Price=Money")
	var b strings.Builder
	data := struct{ Lines []line }{[]line{{2, 5}, {3, 1}}}
	if err := tm.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "42 $11/5 $111/1 $11 8 6"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// run again: the trees are rewritten once
	b.Reset()
	if err := tm.Execute(&b, data); err != nil || !strings.HasPrefix(b.String(), "42 $11/5") {
		t.Errorf("second run: %q %v", b.String(), err)
	}
}

// TestTemplateHooksErrors: a method's error is named as the template
// wrote the call; a printed value given to printf is refused.
func TestTemplateHooksErrors(t *testing.T) {
	var p Printer
	tm := template.Must(template.New("t").Parse(`{{.Fail}}`))
	TemplateHooks(tm, dispatch, []string{"Fail"})
	err := p.TemplateError(tm.Execute(&strings.Builder{}, struct{}{}))
	if err == nil || !strings.Contains(err.Error(), `at <.Fail>: error calling Fail: boom`) {
		t.Errorf("error: %v", err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(runtimeError).Error(), "prints a value of Money") {
			t.Errorf("printf of a Money: %v", r)
		}
	}()
	TemplateHooks(template.Must(template.New("p").Parse(`{{printf "%d" .Price}}`)), dispatch, nil, "Price=Money")
}
