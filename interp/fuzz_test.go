package interp

import (
	"os"
	"testing"
)

// FuzzCompileCell feeds arbitrary cells to the cell compiler (without
// running them): it must never panic, only return plans or errors.
func FuzzCompileCell(f *testing.F) {
	for _, seed := range []string{
		"x := 1\nx + 1",
		"import (\n\t\"fmt\"\n\t\"strings\"\n)\nfunc f() {}\nfmt.Println(strings.ToUpper(\"a\"))",
		"for i := range 10 { go func() { fmt.Println(i) }() }",
		"v, ok := m[\"k\"]",
		"if v, ok := m[k]; ok {\n}",
		"type T struct{ A int }\nfunc (t T) String() string { return \"\" }\nT{1}",
		"func main() {}",
		"%time x",
		"}{",
		"func() { }()",
		"var (\n\ta = 1\n\tb = \"s\"\n)\nconst c = iota",
		"go worker(1, d)\ndefer f()\nselect {}",
		"/* unterminated",
		"`raw\nstring`",
	} {
		f.Add(seed)
	}
	s, err := NewSession(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = Compile(src, 1, 1, s)
		_ = MissingImports(src, nil)
		_, _ = s.IsComplete(src)
	})
}
