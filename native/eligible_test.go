package native

import (
	"strings"
	"testing"

	"gokernel/typecheck"
)

// analyzeCells type-checks cells in one session and returns the analyses
// of the functions of the last one.
func analyzeCells(t *testing.T, cells ...string) map[string]*Analysis {
	t.Helper()
	c := typecheck.NewChecker()
	if c == nil {
		t.Skip("no type checker here")
	}
	var out map[string]*Analysis
	for _, cell := range cells {
		res, err := c.Check(cell)
		if err != nil {
			t.Fatalf("%s: %v", cell, err)
		}
		out = map[string]*Analysis{}
		for _, fn := range res.Funcs() {
			out[fn.Name] = Analyze(fn, res.Info())
		}
		res.Commit()
	}
	return out
}

func TestEligible(t *testing.T) {
	a := analyzeCells(t,
		"const limit = 10\nconst typed int64 = 3\nvar counter int\ntype point struct{ x int }\nfunc helper(n int) int { return n * 2 }",
		`import ("fmt"; "os"; "runtime"; "strings"; "sync"; "time")
func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
func useHelper(n int) int { return helper(n) + limit + int(typed) }
func words(s string) []string { var b strings.Builder; b.WriteString(s); return strings.Fields(b.String()) }
func printer(xs ...int) { fmt.Println(xs) }
func divide(a, b int) (int, error) { if b == 0 { return 0, fmt.Errorf("zero") }; return a / b, nil }
func apply(f func(int) int, x int) int { g := func(y int) int { return f(y) + 1 }; return g(x) }
func global() int { return counter }
func sessionType() int { p := point{1}; return p.x }
func goroutine() { go func() {}() }
func channel(c chan int) { c <- 1 }
func sleeper() { time.Sleep(1) }
func exit() { os.Exit(1) }
func generic[T any](x T) T { return x }
func iface(x any) string { return fmt.Sprint(x) }
func printsBuiltin() { println("x") }
func recovers(f func()) { defer func() { _ = recover() }(); f() }
func main() {}
func usesSync() { var mu sync.Mutex; mu.Lock() }
func display() int { return runtime.NumGoroutine() }
`)
	for name, want := range map[string]string{
		"fib": "", "useHelper": "", "words": "", "printer": "", "divide": "", "apply": "",
		"global":        "uses the session's variable counter",
		"sessionType":   "type point",
		"goroutine":     "starts a goroutine",
		"channel":       "channel",
		"sleeper":       "sleeps",
		"exit":          "os.Exit",
		"generic":       "is generic",
		"iface":         "interface crosses",
		"printsBuiltin": "println",
		"recovers":      "calls recover",
		"main":          "runs once",
		"usesSync":      "package sync",
		"display":       "package runtime",
	} {
		got := a[name]
		if got == nil {
			t.Errorf("%s: not analysed", name)
			continue
		}
		if want == "" && got.Reason != "" || want != "" && !strings.Contains(got.Reason, want) {
			t.Errorf("%s: reason %q, want %q", name, got.Reason, want)
		}
	}
	if c := a["useHelper"]; strings.Join(c.Calls, ",") != "helper" || strings.Join(c.Consts, ",") != "limit,typed" {
		t.Errorf("useHelper: calls %v, consts %v", c.Calls, c.Consts)
	}
	if w := a["words"]; w.Imports["strings"] != "strings" {
		t.Errorf("words: imports %v", w.Imports)
	}
}

func TestWrapper(t *testing.T) {
	a := analyzeCells(t, `import ("fmt"; "time")
func f(d time.Duration, xs ...string) (int, error) { return len(xs) + int(d), nil }
func g(n int) { fmt.Println(n) }`)
	w, err := wrapper(a["f"], "pk")
	if err != nil || w != "func f(p0 time.Duration, p1 ...string) (int, error) { return pk.F_f(p0, p1...) }\n" {
		t.Errorf("wrapper f: %q, %v", w, err)
	}
	w, err = wrapper(a["g"], "pk")
	if err != nil || w != "func g(p0 int) { pk.F_g(p0) }\n" {
		t.Errorf("wrapper g: %q, %v", w, err)
	}
}

func TestFloatMultiplyOnFusingPlatforms(t *testing.T) {
	a := analyzeCells(t, "func axpy(a, x, y float64) float64 { return a*x + y }\nfunc add(x, y float64) float64 { return x + y }")
	if add := a["add"]; add.Reason != "" {
		t.Errorf("add: %s", add.Reason)
	}
	if r := a["axpy"].Reason; fusesFMA != strings.Contains(r, "FMA") {
		t.Errorf("axpy on a platform that fuses: %v: reason %q", fusesFMA, r)
	}
}
