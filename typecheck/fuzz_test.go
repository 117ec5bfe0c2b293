package typecheck

import (
	"gokernel/autoimport"
	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/compiler/mono"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCompileCell feeds arbitrary cells to the cell compiler and to mono
// (without running them): they must never panic, only return plans or
// errors.
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
	// The differential corpus's programs, as cells (package clause cut).
	files, _ := filepath.Glob("../session/testdata/diff*/*.go")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(strings.Replace(string(src), "package main", "", 1))
		}
	}
	env := fakeEnv{"m": {Name: "m", Kind: "var", Type: "map[string]int"}, "worker": {Name: "worker", Kind: "func"}}
	ck := NewChecker()
	recoverCheck = false
	defer func() { recoverCheck = true }()
	f.Fuzz(func(t *testing.T, src string) {
		res, _ := ck.Check(src) // nil checker: no-op
		_, _ = compiler.CompileChecked(src, 1, 1, env, asTypes(res))
		if p, err := cellsrc.Parse(src); err == nil && res != nil {
			// the instances of its generics, as the session writes them
			if out, _, _, err := mono.NewRegistry().Rewrite(src, 1, p, res); err == nil && out != src {
				if again, _ := ck.Check(out); again != nil {
					_, _ = compiler.CompileChecked(out, 1, 1, env, again)
				}
			}
		}
		_ = autoimport.MissingImports(src, nil)
		_, _ = cellsrc.IsComplete(src)
	})
}

// fakeEnv is a session that has run cells declaring its names.
type fakeEnv map[string]*compiler.Decl

func (e fakeEnv) Lookup(name string) *compiler.Decl { return e[name] }

func (e fakeEnv) TypeOf(expr string) string {
	if d := e[expr]; d != nil && d.Kind == "var" {
		return d.Type
	}
	return ""
}

// asTypes is res as compiler.Types (nil when the cell did not check).
func asTypes(res *Result) compiler.Types {
	if res == nil {
		return nil
	}
	return res
}
