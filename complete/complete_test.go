package complete

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// cursorAt removes the | marking the cursor from marked and returns the
// code and the cursor's rune offset.
func cursorAt(marked string) (string, int) {
	i := strings.Index(marked, "|")
	return marked[:i] + marked[i+1:], utf8.RuneCountInString(marked[:i])
}

// completeAt completes marked code at its | mark.
func completeAt(ts *testSession, marked string) ([]string, int, int, map[string]any) {
	code, cursor := cursorAt(marked)
	return ts.complete(code, cursor)
}

// newCompleteSession returns a session where cells defined names of
// every kind.
func newCompleteSession(t *testing.T) *testSession {
	ts := newTestSession(t)
	for _, cell := range []string{
		`import s2 "strings"`,
		"var mu sync.Mutex",
		"type Point struct {\n\tX, Y  int\n\tlabel string\n}\nfunc (p *Point) Move(dx int) { p.X += dx }\nfunc (p Point) Norm() float64 { return 0 }",
		`p := Point{1, 2, "a"}`,
		"func myHelper(n int) string { return \"\" }\nvar myVar = 3\nconst myConst = 1.5",
		"xs := []time.Time{time.Now()}",
		"var wg sync.WaitGroup\nn := 42",
		"func Double(x int) int { return 2 * x }",
	} {
		if err := ts.run(cell); err != nil {
			t.Fatalf("%q: %v", cell, err)
		}
	}
	return ts
}

// TestComplete checks the matches and the range they replace in each context.
func TestComplete(t *testing.T) {
	ts := newCompleteSession(t)
	tests := []struct {
		name, code string
		want       []string // the first matches, in order
		has        []string // matches somewhere
		not        []string // not matches
		start, end int      // -1: not checked
	}{
		{name: "package name", code: "fm|", has: []string{"fmt"}, start: 0, end: 2},
		{name: "package not imported yet", code: "x := strc|", want: []string{"strconv"}, start: 5, end: 9},
		{name: "package members", code: "fmt.Pr|", want: []string{"Print", "Printf", "Println"}, not: []string{"Sprint"}, start: 4, end: 6},
		{name: "all exported members", code: "strings.|", has: []string{"Builder", "Contains", "NewReader", "ToUpper"}, not: []string{"indexFunc"}, start: 8, end: 8},
		{name: "alias imported by a cell run", code: "s2.HasP|", want: []string{"HasPrefix"}, start: 3, end: 7},
		{name: "alias imported in the cell", code: "import str \"strings\"\nstr.TrimS|", want: []string{"TrimSpace", "TrimSuffix"}, start: 25, end: 30},
		{name: "cell names run", code: "my|", want: []string{"myConst", "myHelper", "myVar"}, start: 0, end: 2},
		{name: "cell names not run yet", code: "func newFunc() {}\nvar newVar = 1\nnew|", want: []string{"new", "newFunc", "newVar"}, start: 33, end: 36},
		{name: "method of a stdlib var", code: "mu.L|", want: []string{"Lock"}, start: 3, end: 4},
		{name: "methods of a stdlib var", code: "mu.|", has: []string{"Lock", "TryLock", "Unlock"}, start: 3, end: 3},
		{name: "fields and methods of a cell struct", code: "p.|", want: []string{"Move", "Norm", "X", "Y", "label"}, start: 2, end: 2},
		{name: "through a pointer", code: "q := &p\nq.|", want: []string{"Move", "Norm", "X", "Y", "label"}, start: 10, end: 10},
		{name: "struct of the cell not run yet", code: "type Pair struct{ Key string; Val int }\nfunc (p Pair) Swap() Pair { return p }\nvar pr Pair\npr.|", want: []string{"Key", "Swap", "Val"}, start: -1},
		{name: "method result of the cell not run yet", code: "type Pair struct{ Key string; Val int }\nfunc (p Pair) Swap() *Pair { return &p }\nvar pr Pair\npr.Swap().K|", want: []string{"Key"}, start: -1},
		{name: "embedded struct", code: "type Named struct {\n\tPoint\n\tName string\n}\nvar nm Named\nnm.|", want: []string{"Move", "Name", "Norm", "Point", "X", "Y", "label"}, start: -1},
		{name: "result of a call", code: "time.Now().Unix|", has: []string{"Unix", "UnixMilli", "UnixNano"}, start: 11, end: 15},
		{name: "range variable", code: "for _, t := range xs {\n\tt.Yea|", want: []string{"Year", "YearDay"}, start: -1},
		{name: "parameter", code: "func f(sb *strings.Builder) {\n\tsb.WriteS|", want: []string{"WriteString"}, start: -1},
		{name: "keyword", code: "fu|", want: []string{"func"}, start: 0, end: 2},
		{name: "builtin", code: "x := le|", want: []string{"len"}, start: 5, end: 7},
		{name: "line magic", code: "%ti|", want: []string{"%time", "%timeit"}, start: 0, end: 3},
		{name: "cell magic", code: "%%c|", want: []string{"%%compile"}, start: 0, end: 3},
		{name: "line magic on a later line", code: "x := 1\n%ti|", want: []string{"%time", "%timeit"}, start: 7, end: 10},
		{name: "no cell magic on a later line", code: "x := 1\n%%ti|", want: []string{}, start: -1},
		{name: "middle of a word", code: "fmt.Pri|ntln", has: []string{"Println"}, start: 4, end: 11},
		{name: "runes before the cursor", code: "s := \"héllo\"\nfmt.Spr|", want: []string{"Sprint", "Sprintf", "Sprintln"}, start: 17, end: 20},
		{name: "in a comment", code: "// fm|", want: []string{}, start: -1},
		{name: "after a comment", code: "/* c */fm|", want: []string{"fmt"}, start: 7, end: 9},
		{name: "in a string", code: "x := \"fm|\"", want: []string{}, start: -1},
		{name: "import path", code: "import \"encoding/j|\"", want: []string{"encoding/json"}, start: 8, end: 18},
		{name: "after a number", code: "x := 3.|", want: []string{}, start: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, start, end, _ := completeAt(ts, tt.code)
			if tt.want != nil && !slices.Equal(got[:min(len(tt.want), len(got))], tt.want) || len(got) < len(tt.want) {
				t.Errorf("matches = %q, want %q first", got, tt.want)
			}
			for _, h := range tt.has {
				if !slices.Contains(got, h) {
					t.Errorf("matches = %q, want %q among them", got, h)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("matches = %q, do not want %q", got, n)
				}
			}
			if tt.start >= 0 && (start != tt.start || end != tt.end) {
				t.Errorf("range = [%d,%d), want [%d,%d)", start, end, tt.start, tt.end)
			}
		})
	}
}

// TestCompleteMetadata checks the types and signatures given to Jupyter.
func TestCompleteMetadata(t *testing.T) {
	ts := newCompleteSession(t)
	tests := []struct {
		code string
		want map[string][2]string // text -> type, signature
	}{
		{"fmt.Print|", map[string][2]string{"Println": {"function", "func(...any) (int, error)"}}},
		{"my|", map[string][2]string{"myHelper": {"function", "func(n int) string"}, "myVar": {"variable", "int"}, "myConst": {"constant", "float64"}}},
		{"fu|", map[string][2]string{"func": {"keyword", ""}}},
		{"fm|", map[string][2]string{"fmt": {"module", "fmt"}}},
		{"%tim|", map[string][2]string{"%timeit": {"magic", "%timeit [-n N] [-r R] STATEMENT"}}},
		{"p.|", map[string][2]string{"X": {"field", "int"}, "Move": {"method", "func(dx int)"}}},
		{"mu.|", map[string][2]string{"Lock": {"method", "func()"}}},
		{"time.Sec|", map[string][2]string{"Second": {"constant", "1s"}}},
		{"os.Ar|", map[string][2]string{"Args": {"variable", "[]string"}}},
		{"math.P|", map[string][2]string{"Pi": {"constant", "3.14159"}}},
		{"strings.Build|", map[string][2]string{"Builder": {"type", "struct"}}},
		{"x := Po|", map[string][2]string{"Point": {"type", "struct{X, Y int; label string}"}}},
	}
	for _, tt := range tests {
		matches, start, end, meta := completeAt(ts, tt.code)
		items, _ := meta["_jupyter_types_experimental"].([]any)
		if len(items) != len(matches) {
			t.Fatalf("%q: %d types for %d matches", tt.code, len(items), len(matches))
		}
		found := 0
		for i, it := range items {
			m := it.(map[string]any)
			if m["text"] != matches[i] || m["start"] != start || m["end"] != end {
				t.Errorf("%q: item %v does not match %q [%d,%d)", tt.code, m, matches[i], start, end)
			}
			if w, ok := tt.want[matches[i]]; ok {
				found++
				if m["type"] != w[0] || m["signature"] != w[1] {
					t.Errorf("%q: %s is %q %q, want %q %q", tt.code, matches[i], m["type"], m["signature"], w[0], w[1])
				}
			}
		}
		if found != len(tt.want) {
			t.Errorf("%q: matches %q miss some of %v", tt.code, matches, tt.want)
		}
	}
}

// TestCompleteWhileCellRuns checks completion while a cell runs.
func TestCompleteWhileCellRuns(t *testing.T) {
	ts := newCompleteSession(t)
	// A cell that runs until the test ends.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { ts.Execute(ctx, 99, "select {}"); close(done) }()
	defer func() { cancel(); <-done }()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		if _, idle := ts.Decls(); !idle {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the cell did not start")
		}
	}
	// The registry is not read while a cell runs; the cell's text and the
	// packages still are.
	if got, _, _, _ := completeAt(ts, "var myOwn int\nmy|"); !slices.Equal(got, []string{"myOwn"}) {
		t.Errorf("matches = %q, want only the cell's name", got)
	}
	if got, _, _, _ := completeAt(ts, "fmt.Println|"); !slices.Equal(got, []string{"Println"}) {
		t.Errorf("matches = %q, want Println", got)
	}
}

// TestCompleteOwnPackages checks the session's own packages and the
// signatures made by reflection.
func TestCompleteOwnPackages(t *testing.T) {
	ts := newTestSession(t, map[string]map[string]reflect.Value{
		"example.com/fake/fake": {"Hello": reflect.ValueOf(func(string) int { return 0 }), "Thing": reflect.ValueOf((*strings.Builder)(nil))},
	})
	if err := ts.run(`import "example.com/fake"`); err != nil {
		t.Fatal(err)
	}
	if got, _, _, _ := completeAt(ts, "fake.|"); !slices.Equal(got, []string{"Hello", "Thing"}) {
		t.Errorf("matches = %q, want Hello, Thing", got)
	}
	if got, _, _, _ := completeAt(ts, `import "example.com/f|"`); !slices.Equal(got, []string{"example.com/fake"}) {
		t.Errorf("matches = %q, want the package's path", got)
	}
	data, found := ts.inspect("fake.Hello", 7, 0)
	if !found || data["text/plain"] != "func Hello(string) int" {
		t.Errorf("inspect = %v %v, want the signature from reflection", found, data)
	}
}

// TestCompleteRobust completes and inspects at every cursor of odd code.
func TestCompleteRobust(t *testing.T) {
	ts := newCompleteSession(t)
	code := "%%time\nimport (\n\t\"fmt\"\n\tst \"strings\"\n)\n// Doc.\nfunc (p *Point) Shift[T any](x T) { p.\n}\ntype G[T any] struct{ v T }\nvar g G[int]\ng.v.\nx := []map[string]*Point{}\nx[0][\"a\"].X.\nfmt.Println(\"é\", `raw\n`, st.ToUpper(\n/* c */ 'x' 1.5e3 p.Move(3)."
	for cursor := 0; cursor <= utf8.RuneCountInString(code); cursor++ {
		matches, start, end, _ := ts.complete(code, cursor)
		if start > cursor || end < cursor || (len(matches) > 0 && start > end) {
			t.Errorf("cursor %d: range [%d,%d)", cursor, start, end)
		}
		ts.inspect(code, cursor, 1)
	}
}

// TestCompleteFast checks that completion is fast once warm.
func TestCompleteFast(t *testing.T) {
	ts := newCompleteSession(t)
	codes := []string{"fmt.Pr|", "p.|", "my|", "time.Now().|", "mu.L|", "x := s|"}
	for _, c := range codes { // warm up
		completeAt(ts, c)
	}
	const rounds = 10
	start := time.Now()
	for range rounds {
		for _, c := range codes {
			completeAt(ts, c)
		}
	}
	if avg := time.Since(start) / time.Duration(rounds*len(codes)); avg > 50*time.Millisecond {
		t.Errorf("a completion takes %v on average, want < 50ms", avg)
	}
}

// The instances the cell compiler declares for the cells' generics are not
// names to complete; the methods of a value of one are.
func TestCompleteGenerics(t *testing.T) {
	ts := newTestSession(t)
	for _, cell := range []string{
		"type Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\nfunc MakeStack[T any]() *Stack[T] { return &Stack[T]{} }",
		"st := MakeStack[int]()\nst.Push(1)",
	} {
		if err := ts.run(cell); err != nil {
			t.Fatalf("%q: %v", cell, err)
		}
	}
	got, _, _, _ := completeAt(ts, "Mak|")
	if !slices.Contains(got, "MakeStack") || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "__gk") }) {
		t.Errorf("Mak: %v, want MakeStack and no instance", got)
	}
	got, _, _, _ = completeAt(ts, "st.P|")
	if !slices.Contains(got, "Push") {
		t.Errorf("st.P: %v, want Push", got)
	}
	// their types by Go's names
	code, cur := cursorAt("st|")
	r, _ := ts.inspect(code, cur, 0)
	if plain, _ := r["text/plain"].(string); !strings.Contains(plain, "var st *Stack[int]") {
		t.Errorf("st: %q, want var st *Stack[int]", plain)
	}
}
