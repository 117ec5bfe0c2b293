package session

import (
	"context"
	"fmt"
	"gokernel/compiler"
	"runtime"
	"testing"
)

func TestNames(t *testing.T) {
	ts := newTestSession(t)
	r := ts.run("import \"fmt\"\nconst Max = 3\nvar count int\nx := 2.5\ntype P struct{ X int }\nfunc (p P) M() {}\nfunc add(a, b int) int { return a + b }\nfmt.Sprint(x)", 0)
	if r.err != nil {
		t.Fatal(r.errText())
	}
	want := map[string]compiler.Name{
		"fmt":   {Name: "fmt", Kind: "import", Type: "fmt"},
		"Max":   {Name: "Max", Kind: "const", Type: "int"},
		"count": {Name: "count", Kind: "var", Type: "int"},
		"x":     {Name: "x", Kind: "var", Type: "float64"},
		"P":     {Name: "P", Kind: "type", Type: "struct{ X int }"},
		"add":   {Name: "add", Kind: "func", Type: "func(a, b int) int"},
	}
	got := map[string]compiler.Name{}
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
		if _, err := compiler.Compile(cell, 1, 1, ts.Session); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRepeatedCellsDoNotGrowMemory runs the same cells thousands of times:
// compiled code is reused, so the heap must not grow with each run (yaegi
// alone keeps a few KB per evaluation forever).
func TestRepeatedCellsDoNotGrowMemory(t *testing.T) {
	s := newTestSession(t).Session
	ctx := context.Background()
	if _, err := s.Execute(ctx, 1, "counter := 0"); err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	for i := 0; i < 50; i++ { // warm up
		s.Execute(ctx, 2, "counter++\ncounter")
	}
	h0 := heap()
	const n = 3000
	for i := 0; i < n; i++ {
		if _, err := s.Execute(ctx, 3+i, "counter++\ncounter"); err != nil {
			t.Fatal(err)
		}
	}
	per := (float64(heap()) - float64(h0)) / n
	t.Logf("heap growth: %.0f bytes per execution", per)
	if per > 1024 {
		t.Fatalf("the heap grows by %.0f bytes per execution of the same cell", per)
	}
	out, err := s.Execute(ctx, 9999, "counter")
	if err != nil || out["text/plain"] != fmt.Sprint(50+n) {
		t.Fatalf("counter = %v, %v", out, err)
	}
	// A redefinition still takes effect in cached code.
	s.Execute(ctx, 10000, "func double(x int) int { return 2 * x }")
	s.Execute(ctx, 10001, "double(counter)")
	s.Execute(ctx, 10002, "func double(x int) int { return 3 * x }")
	out, _ = s.Execute(ctx, 10003, "double(counter)")
	if out["text/plain"] != fmt.Sprint(3*(50+n)) {
		t.Fatalf("after redefining double: %v", out)
	}
}

// The instances the cell compiler declares for the cells' generics are not
// the cells' names; variables of them are listed with Go's type names.
func TestNamesWithGenerics(t *testing.T) {
	ts := newTestSession(t)
	r := ts.run("type Stack[T any] struct{ items []T }\nfunc Push[T any](s *Stack[T], v T) { s.items = append(s.items, v) }\ns := &Stack[int]{}\nPush(s, 1)\nvar t Stack[string]", 0)
	if r.err != nil {
		t.Fatal(r.errText())
	}
	got := map[string]compiler.Name{}
	for _, n := range ts.Names() {
		got[n.Name] = n
	}
	if len(got) != 4 {
		t.Errorf("Names() = %v, want Stack, Push, s and t", ts.Names())
	}
	if got["t"].Type != "Stack[string]" {
		t.Errorf("t's type = %q, want Stack[string]", got["t"].Type)
	}
}
