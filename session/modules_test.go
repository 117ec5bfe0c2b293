package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gokernel/modules"
	"gokernel/native"
)

// greetModule is a local module (no network) that the session module of
// TestModules requires through a replace directive.
const greetModule = `// Package greet greets.
package greet

import "context"

// Hello is the greeting.
const Hello = "hello"

// Count counts the greetings.
var Count int

// Greeter greets.
type Greeter interface{ Greet(name string) string }

// Plain is a Greeter.
type Plain struct{ Prefix string }

// Greet implements Greeter.
func (p Plain) Greet(name string) string { Count++; return p.Prefix + " " + name }

// All greets every name with g.
func All(ctx context.Context, g Greeter, names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, g.Greet(n))
	}
	return out
}

// Map applies f to each element of xs.
func Map[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// Box holds a value.
type Box[T any] struct{ v T }

// New returns a Box of v.
func New[T any](v T) *Box[T] { return &Box[T]{v} }

// Get returns the value.
func (b *Box[T]) Get() T { return b.v }
`

func TestModules(t *testing.T) {
	if _, err := native.HostToolchain(); err != nil {
		t.Skipf("no plugins here: %v", err)
	}
	root := t.TempDir()
	mod := filepath.Join(root, "greet")
	session := filepath.Join(root, "modules", "test")
	for name, text := range map[string]string{
		filepath.Join(mod, "go.mod"):            "module example.com/greet\n\ngo 1.22\n",
		filepath.Join(mod, "greet.go"):          greetModule,
		filepath.Join(mod, "twice", "twice.go"): "// Package twice greets twice.\npackage twice\n\nimport \"example.com/greet\"\n\n// Twice greets n twice with g.\nfunc Twice(g greet.Greeter, n string) string { return g.Greet(n) + g.Greet(n) }\n",
		filepath.Join(session, "go.mod"):        "module gksession\n\ngo 1.26\n\nrequire example.com/greet v0.0.0\n\nreplace example.com/greet => " + mod + "\n",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOKERNEL_NATIVE_CACHE", filepath.Join(root, "plugins"))
	tc, err := native.HostToolchain()
	modules.SetDefault(modules.New(session, tc, err))
	ts := newTestSession(t)
	ts.want(t, "kept := 41", "")
	// A cell type implements an interface of a package the cell does not import.
	ts.want(t, "import \"example.com/greet/twice\"\ntype quiet struct{}\nfunc (quiet) Greet(n string) string { return n + \".\" }\ntwice.Twice(quiet{}, \"hi\")", `"hi.hi."`)
	ts.want(t, `import "example.com/greet"`, "")
	ts.want(t, `greet.All(context.Background(), greet.Plain{Prefix: "hi"}, "a", "b")`, "[hi a hi b]")
	// An interpreted type implements the module's interface.
	ts.want(t, "type shout struct{}\nfunc (shout) Greet(n string) string { return strings.ToUpper(n) + \"!\" }", "")
	ts.want(t, `greet.All(context.Background(), shout{}, "x")`, "[X!]")
	ts.want(t, "greet.Hello + fmt.Sprint(greet.Count)", `"hello2"`)
	// Generic functions are instantiated for the type arguments the checker found.
	ts.want(t, "greet.Map([]int{1, 2}, func(x int) int { return x * 10 })", "[10 20]")
	ts.want(t, "b := greet.New(\"boxed\")\nb.Get()", `"boxed"`)
	// Generic types too, named in the cell.
	ts.want(t, "var bb *greet.Box[int] = greet.New(7)\nbb.Get() + 1", "8")
	ts.want(t, "func unbox(b *greet.Box[string]) string { return b.Get() + \"!\" }\nunbox(b)", `"boxed!"`)
	ts.want(t, "var zero greet.Box[float64]\nzero.Get()", "0")
	for code, want := range map[string]string{
		"greet.Map([]shout{{}}, func(s shout) shout { return s })": "cannot instantiate greet.Map[shout] (shout is a type of the cells)",
		`import "example.com/nothere"`:                             "cannot import example.com/nothere",
	} {
		r := ts.run(code, 0)
		if r.err == nil || !strings.Contains(r.errText(), want) {
			t.Errorf("%s: error %q, want %q", code, r.errText(), want)
		}
	}
	ts.want(t, "kept", "41")
	// Another interpreter of the worker (%reset) gets the instantiations.
	ts2 := newTestSession(t)
	ts2.want(t, `import "example.com/greet"`, "")
	ts2.want(t, "greet.Map([]int{3}, func(x int) int { return x + 1 })", "[4]")
	ts2.want(t, "var bb *greet.Box[int] = greet.New(5)\nbb.Get()", "5")
}
