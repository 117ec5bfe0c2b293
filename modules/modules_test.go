package modules

import (
	"context"
	"go/importer"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gokernel/native"
)

func TestIsModulePath(t *testing.T) {
	for p, want := range map[string]bool{
		"golang.org/x/sync/errgroup": true, "github.com/a/b": true, "gopkg.in/yaml.v3": true,
		"fmt": false, "net/http": false, "gokernel/display": false, "example/local": false,
	} {
		if got := IsModulePath(p); got != want {
			t.Errorf("IsModulePath(%q) = %v", p, got)
		}
	}
}

func TestUnavailable(t *testing.T) {
	s := New(t.TempDir(), nil, os.ErrPermission)
	_, err := s.Import(context.Background(), "example.com/x", nil)
	if err == nil || !strings.Contains(err.Error(), "Go plugins are unavailable") || !strings.Contains(err.Error(), "permission") {
		t.Fatalf("err = %v", err)
	}
	if _, err := s.Get(context.Background(), []string{"example.com/x@v1.0.0"}); err == nil {
		t.Fatal("go get worked without plugins")
	}
}

// localSession returns a session module in a temporary directory whose
// go.mod requires a local module example.com/greet (replaced by a
// directory: no network), or skips where plugins are impossible.
func localSession(t *testing.T) *Session {
	t.Helper()
	tc, err := native.HostToolchain()
	if err != nil {
		t.Skipf("no plugins here: %v", err)
	}
	root := t.TempDir()
	mod := filepath.Join(root, "greet")
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(mod, "go.mod"), "module example.com/greet\n\ngo 1.22\n")
	write(filepath.Join(mod, "greet.go"), `// Package greet greets.
package greet

import (
	"context"
	"fmt"
)

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

// Map is generic: left out of the plugin.
func Map[T any](xs []T, f func(T) T) []T { return xs }

// Sprint uses fmt.
func Sprint(v any) string { return fmt.Sprint(v) }
`)
	write(filepath.Join(mod, "bad", "bad.go"), "// Package bad panics.\npackage bad\n\nfunc init() { panic(\"bad init\") }\n\n// X is.\nvar X int\n")
	dir := filepath.Join(root, "session")
	write(filepath.Join(dir, "go.mod"), "module gksession\n\ngo 1.26\n\nrequire example.com/greet v0.0.0\n\nreplace example.com/greet => "+mod+"\n")
	s := New(dir, tc, nil)
	s.plugins = filepath.Join(root, "plugins")
	return s
}

func TestImportLocalModule(t *testing.T) {
	s := localSession(t)
	std := importer.Default()
	if p, err := s.Import(context.Background(), "example.com/greet", nil); err != nil || p.Types != nil {
		t.Fatalf("without a checker: %v, types %v", err, p)
	}
	p, err := s.Import(context.Background(), "example.com/greet", std.Import)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built in %v, %d bytes, import took %v", p.Built, p.Size, p.Took)
	table := p.Symbols["example.com/greet/greet"]
	for _, name := range []string{"Hello", "Count", "Greeter", "Plain", "All", "Sprint", "_Greeter"} {
		if _, ok := table[name]; !ok {
			t.Errorf("no symbol %s in %v", name, table)
		}
	}
	if _, ok := table["Map"]; ok {
		t.Error("the generic Map was extracted")
	}
	plain := reflect.New(table["Plain"].Type().Elem()).Elem()
	plain.Field(0).SetString("hi")
	out := table["All"].Call([]reflect.Value{reflect.ValueOf(context.Background()), plain, reflect.ValueOf("a"), reflect.ValueOf("b")})
	if got := out[0].Interface().([]string); strings.Join(got, ",") != "hi a,hi b" || table["Count"].Int() != 2 {
		t.Errorf("All = %v, Count = %v", got, table["Count"])
	}
	if p.Types == nil || p.Types.Scope().Lookup("Map") == nil {
		t.Fatalf("types: %v", p.Types)
	}
	// The types share the standard packages of the importer.
	sig := p.Types.Scope().Lookup("All").Type().(*types.Signature)
	ctx, _ := std.Import("context")
	if sig.Params().At(0).Type() != ctx.Scope().Lookup("Context").Type() {
		t.Error("context.Context of the module's types is not the importer's")
	}
	again, err := s.Import(context.Background(), "example.com/greet", std.Import)
	if err != nil || again != p {
		t.Fatalf("second import: %v %v", again, err)
	}
}

func TestImportPanickingInit(t *testing.T) {
	s := localSession(t)
	for range 2 { // the second time too: Go's plugin package would wait forever
		_, err := s.Import(context.Background(), "example.com/greet/bad", importer.Default().Import)
		if err == nil || !strings.Contains(err.Error(), "panicked: bad init") {
			t.Fatalf("err = %v", err)
		}
	}
}

func TestNotFound(t *testing.T) {
	for msg, want := range map[string]string{
		"go: module golang.org/x/nope: reading https://proxy.golang.org/golang.org/x/nope/@v/list: 404 Not Found":   "no module provides it",
		"go: golang.org/x/nope@latest: module lookup disabled by GOPROXY=off":                                       "GOPROXY=off",
		"go: module golang.org/x/sync@upgrade found (v0.25.0), but does not contain package golang.org/x/sync/nope": "has no such package",
		"go: something else": "could not be added",
	} {
		err := notFound("golang.org/x/nope/pkg", &goError{args: []string{"get"}, msg: msg})
		if !strings.Contains(err.Error(), "cannot import golang.org/x/nope/pkg: ") || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: %v", msg, err)
		}
	}
	if !notProvided(&goError{args: []string{"list"}, msg: "no required module provides package example.com/x; to add it:"}) {
		t.Error("notProvided")
	}
}

func TestConflict(t *testing.T) {
	s := New(t.TempDir(), nil, os.ErrPermission)
	s.versions["golang.org/x/sync/semaphore"] = "golang.org/x/sync@v0.25.0"
	dep := &listed{ImportPath: "golang.org/x/sync/semaphore"}
	dep.Module = &struct {
		Path, Version string
		Replace       *struct{ Path, Version, Dir string }
	}{Path: "golang.org/x/sync", Version: "v0.19.0"}
	err := s.conflict("golang.org/x/sync/semaphore", []*listed{dep})
	if err == nil || !strings.Contains(err.Error(), "restart the kernel to use golang.org/x/sync@v0.19.0") {
		t.Fatalf("err = %v", err)
	}
	dep.Module.Version = "v0.25.0"
	if err := s.conflict("golang.org/x/sync/semaphore", []*listed{dep}); err != nil {
		t.Fatal(err)
	}
}
