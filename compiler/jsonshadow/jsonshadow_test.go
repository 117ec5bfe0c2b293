package jsonshadow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

const src = `package main

type Level int

func (l Level) MarshalJSON() ([]byte, error) { return nil, nil }
func (l *Level) UnmarshalJSON(b []byte) error { return nil }

type Color int

func (c Color) MarshalText() ([]byte, error) { return nil, nil }
func (c *Color) UnmarshalText(b []byte) error { return nil }

type Temp float64

func (t *Temp) MarshalJSON() ([]byte, error) { return nil, nil }

type Alarm struct {
	Name   string ` + "`json:\"name\"`" + `
	Level  Level  ` + "`json:\"level,omitempty\"`" + `
	ByHue  map[Color]int
	Hue    Color
	Prev   *Level
	Temp   Temp
	Levels []Level
	secret int
}

type Plain struct{ A, B int }

type Tree struct {
	Kids []Tree
	L    Level
}
`

// check type-checks src and returns its package.
func check(t *testing.T) *types.Package {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("main", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func env(pkg *types.Package) Env {
	return Env{
		TypeString: func(t types.Type) string { return types.TypeString(t, types.RelativeTo(pkg)) },
		Runtime:    "rt",
		Scope:      pkg.Scope(),
	}
}

// TestEncodeWritesHooks: the shadow of a struct calls each method as
// encoding/json would (the pointer method of Temp only when addressable),
// keeps the tags, and is an expression Go parses.
func TestEncodeWritesHooks(t *testing.T) {
	pkg := check(t)
	alarm := pkg.Scope().Lookup("Alarm").Type()
	src, err := Encode(env(pkg), alarm, "a")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseExpr(src); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, want := range []string{
		`rt.NewJSONHook("main.Level", func() ([]byte, error) { return c.MarshalJSON() })`,
		`rt.NewJSONHook("*main.Level", func() ([]byte, error) { return p.MarshalJSON() })`,
		`if addr {` + "\n" + `return rt.NewJSONHook("*main.Temp"`,
		`kb, kerr := k.MarshalText()`,
		`"json:\"level,omitempty\""`,
		`if !(rt.JSONEmpty(&p.Level)) {`,
		`Name string "json:\"name\""`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
	if strings.Contains(src, "secret") {
		t.Errorf("the unexported field is in the shadow:\n%s", src)
	}
}

// TestNotNeeded: a value without such methods gets no shadow, in either
// direction; a value held in an interface does when a type of the
// package has them.
func TestNotNeeded(t *testing.T) {
	pkg := check(t)
	plain := pkg.Scope().Lookup("Plain").Type()
	if _, err := Encode(env(pkg), plain, "x"); err != ErrNotNeeded {
		t.Errorf("Encode(Plain): %v", err)
	}
	if _, err := Decode(env(pkg), plain, "x", func(p string) string { return p }); err != ErrNotNeeded {
		t.Errorf("Decode(Plain): %v", err)
	}
	if !NeedsEncode(types.NewInterfaceType(nil, nil), pkg.Scope()) {
		t.Error("an any may hold a Level")
	}
	if NeedsDecode(pkg.Scope().Lookup("Temp").Type()) {
		t.Error("Temp has no Unmarshal method")
	}
}

// TestDecode: the decoder's shadow fills, decodes, copies back with the
// methods, also for a type that holds itself.
func TestDecode(t *testing.T) {
	pkg := check(t)
	alarm := pkg.Scope().Lookup("Alarm").Type()
	src, err := Decode(env(pkg), alarm, "&a", func(p string) string { return "json.Unmarshal(data, " + p + ")" })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseExpr(src); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, want := range []string{
		"Level rt.JSONRaw",
		"ByHue map[string]int",
		"Hue rt.JSONRawText",
		"Prev *rt.JSONRaw",
		"return p.UnmarshalJSON(b)",
		"if err := kk.UnmarshalText([]byte(k)); err != nil",
		`rt.JSONShadowError(__gkerr, &__gks, "main.Color")`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
	// a tree: its subtrees are decoded from what the decoder kept of them
	src, err = Decode(env(pkg), pkg.Scope().Lookup("Tree").Type(), "&x", func(p string) string { return p })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseExpr(src); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, want := range []string{"Kids []rt.JSONRaw", "err := rt.JSONUnmarshal(b, &s)", `return rt.JSONContext(err, "Tree", "L")`} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
}
