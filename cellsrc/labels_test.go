package cellsrc

import (
	"strings"
	"testing"
)

func TestRenameLabels(t *testing.T) {
	src := "words := []string{\"a\"}\nwords:\nfor _, w := range words {\n\tif w == \"\" { continue words }\n\tbreak words\n}\nouter:\nfor { break outer }\n"
	p, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	got := p.RenameLabels(src, func(name string) bool { return name == "_a___" })
	want := "words := []string{\"a\"}\n_b___:\nfor _, w := range words {\n\tif w == \"\" { continue _b___ }\n\tbreak _b___\n}\nouter:\nfor { break outer }\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// a label named like a declaration of the session
	got = p.RenameLabels(src, func(name string) bool { return name == "outer" })
	if !strings.Contains(got, "_b___:\nfor { break _b___ }") {
		t.Errorf("outer not renamed: %s", got)
	}
}
