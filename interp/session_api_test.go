package interp

import (
	"context"
	"testing"
)

func TestIsComplete(t *testing.T) {
	ts := newTestSession(t)
	for _, c := range []struct{ code, status, indent string }{
		{"x := 1", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"for i := 0; i < 3; i++ {\n\tif i > 1 {", "incomplete", "\t\t"},
		{"x := 1 +", "incomplete", "\t"},
		{"s := `raw", "incomplete", ""},
		{"x := )", "invalid", ""},
		{"func f() {}\nf()", "complete", ""},
		{"", "complete", ""},
	} {
		status, indent := ts.IsComplete(c.code)
		if status != c.status || indent != c.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", c.code, status, indent, c.status, c.indent)
		}
	}
}

func TestNames(t *testing.T) {
	ts := newTestSession(t)
	r := ts.run("import \"fmt\"\nconst Max = 3\nvar count int\nx := 2.5\ntype P struct{ X int }\nfunc (p P) M() {}\nfunc add(a, b int) int { return a + b }\nfmt.Sprint(x)", 0)
	if r.err != nil {
		t.Fatal(r.errText())
	}
	want := map[string]Name{
		"fmt":   {"fmt", "import", "fmt"},
		"Max":   {"Max", "const", "int"},
		"count": {"count", "var", "int"},
		"x":     {"x", "var", "float64"},
		"P":     {"P", "type", "struct{ X int }"},
		"add":   {"add", "func", "func(a, b int) int"},
	}
	got := map[string]Name{}
	for _, n := range ts.Names() {
		got[n.Name] = n
	}
	if len(got) != len(want) {
		t.Errorf("Names() = %v, want %v", ts.Names(), want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("Names()[%s] = %+v, want %+v", k, got[k], w)
		}
	}
}

func TestEvaluate(t *testing.T) {
	ts := newTestSession(t)
	ts.run("x := 20", 0)
	out, err := ts.Evaluate(context.Background(), "x * 2 + 2")
	if err != nil || out["text/plain"] != "42" {
		t.Errorf("Evaluate = %v, %v; want 42", out, err)
	}
	if _, err := ts.Evaluate(context.Background(), "y := 1"); err == nil {
		t.Error("Evaluate of a statement succeeded")
	}
	if _, err := ts.Evaluate(context.Background(), "undefinedVar"); err == nil {
		t.Error("Evaluate of an undefined name succeeded")
	}
}

// BenchmarkCompileCell measures the cell compiler on a typical cell.
func BenchmarkCompileCell(b *testing.B) {
	ts := newTestSession(b)
	ts.run("import (\"fmt\"; \"sync\")", 0)
	const cell = `type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.mu.Lock(); defer c.mu.Unlock(); c.n++ }

var wg sync.WaitGroup
c := &Counter{}
for i := 0; i < 10; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Inc()
	}()
}
wg.Wait()
v, ok := map[string]int{"a": 1}["a"]
fmt.Println(v, ok, min(c.n, 100))
c.n`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := compileCell(cell, 1, 1, ts.Session); err != nil {
			b.Fatal(err)
		}
	}
}
