package session

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"gokernel/native"
)

// where is the place an error message ends with.
var where = regexp.MustCompile(` \(In \[\d+\], line \d+, column \d+\)$`)

// newNativeSession is a test session with the native tier on, or skips
// where plugins cannot be built.
func newNativeSession(t *testing.T) *testSession {
	t.Helper()
	out, errc := newCapture(t), newCapture(t)
	s, err := New(Options{Stdout: out.w, Stderr: errc.w, Stdin: strings.NewReader(""), Native: true})
	if err != nil {
		t.Fatal(err)
	}
	return &testSession{Session: s, stdout: out, stderr: errc}
}

// waitCompiled waits until %native lists name as compiled.
func (ts *testSession) waitCompiled(t *testing.T, name string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		st, _ := ts.Native("")
		if strings.Contains(st, "unavailable") {
			t.Skip(st)
		}
		if i := strings.Index(st, "\ncompiled"); i >= 0 {
			section := st[i:]
			if j := strings.Index(section, "\ninterpreted"); j >= 0 {
				section = section[:j]
			}
			if j := strings.Index(section, "\nbuilding"); j >= 0 {
				section = section[:j]
			}
			if strings.Contains(section, "  "+name+" ") {
				return
			}
		}
		if strings.Contains(st, "  "+name+": ") {
			t.Fatalf("%s stayed interpreted:\n%s", name, st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	st, _ := ts.Native("")
	t.Fatalf("%s was not compiled:\n%s", name, st)
}

func (ts *testSession) want(t *testing.T, code, want string) {
	t.Helper()
	r := ts.run(code, 0)
	if r.err != nil || r.text() != want {
		t.Fatalf("%s: got %q, error %s; want %q", code, r.text(), r.errText(), want)
	}
}

func TestNativeTierUp(t *testing.T) {
	ts := newNativeSession(t)
	ts.want(t, "var calls int\nfunc fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }\nfunc countFib(n int) int { calls++; return fib(n) }", "")
	ts.waitCompiled(t, "fib")
	st, _ := ts.Native("")
	if !strings.Contains(st, "countFib: uses the session's variable calls") {
		t.Errorf("%%native does not say why countFib stays interpreted:\n%s", st)
	}
	ts.want(t, "fib(25)", "75025")
	ts.want(t, "countFib(20)", "6765") // an earlier, interpreted caller uses the compiled fib
	start := time.Now()
	ts.want(t, "fib(30)", "832040")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("fib(30) took %v: not compiled?", d)
	}

	// Redefinition: takes effect at once (interpreted), then compiled again.
	ts.want(t, "func fib(n int) int { return n + 1 }", "")
	ts.want(t, "countFib(7)", "8")
	ts.waitCompiled(t, "fib")
	ts.want(t, "countFib(9)", "10")

	// A callee redefined: its compiled caller follows.
	ts.want(t, "func sq(n int) int { return n * n }\nfunc sumSq(n int) int { s := 0; for i := range n { s += sq(i) }; return s }", "")
	ts.waitCompiled(t, "sumSq")
	ts.want(t, "sumSq(4)", "14")
	ts.want(t, "func sq(n int) int { return n }", "")
	ts.want(t, "sumSq(4)", "6")
	ts.waitCompiled(t, "sumSq")
	ts.want(t, "sumSq(4)", "6")
}

func TestNativePanicSameError(t *testing.T) {
	ts := newNativeSession(t)
	ts.want(t, "func boom(n int) int { if n > 2 { panic(fmt.Sprintf(\"too big: %d\", n)) }; var a []int; return a[n] }", "")
	ts.waitCompiled(t, "boom")
	compiled := ts.run("boom(3)", 0)
	compiledIndex := ts.run("boom(1)", 0)
	if _, err := ts.Native("off"); err != nil {
		t.Fatal(err)
	}
	interpreted := ts.run("boom(3)", 0)
	interpretedIndex := ts.run("boom(1)", 0)
	// A runtime error has the same name; compiled code has Go's own
	// message, which says more than the interpreter's.
	if compiledIndex.err == nil || interpretedIndex.err == nil || compiledIndex.err.Name != interpretedIndex.err.Name ||
		!strings.HasPrefix(compiledIndex.err.Value, where.ReplaceAllString(interpretedIndex.err.Value, "")) {
		t.Errorf("compiled: %s\ninterpreted: %s", compiledIndex.errText(), interpretedIndex.errText())
	}
	if compiled.err == nil || interpreted.err == nil {
		t.Fatalf("no error: compiled %v, interpreted %v", compiled.err, interpreted.err)
	}
	// The same error; its place is the call of the compiled function,
	// where the interpreter points inside it.
	if compiled.err.Name != interpreted.err.Name || where.ReplaceAllString(compiled.err.Value, "") != where.ReplaceAllString(interpreted.err.Value, "") {
		t.Errorf("compiled: %s\ninterpreted: %s", compiled.errText(), interpreted.errText())
	}
}

func TestNativePluginCap(t *testing.T) {
	ts := newNativeSession(t)
	defer func(n int) { native.MaxPlugins = n }(native.MaxPlugins)
	native.MaxPlugins = native.Loaded()
	ts.want(t, "func capped(n int) int { return n * 3 }", "")
	deadline := time.Now().Add(time.Minute)
	for {
		st, _ := ts.Native("")
		if strings.Contains(st, "capped: the worker has loaded") && strings.Contains(st, "restart the kernel") {
			break
		}
		if strings.Contains(st, "unavailable") {
			t.Skip(st)
		}
		if time.Now().After(deadline) {
			t.Fatalf("past the cap:\n%s", st)
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.want(t, "capped(4)", "12")
}

func TestNativeInterruptOfACompiledLoop(t *testing.T) {
	ts := newNativeSession(t)
	ts.want(t, "kept := 42\nfunc spin(n int) int { x := 0; for i := 0; i >= 0; i = (i + n) % 1000 { x += i }; return x }\nfunc deep(n int) int { if n == 0 { return 0 }; return deep(n-1) + deep(n-1) }", "")
	ts.waitCompiled(t, "spin")
	ts.waitCompiled(t, "deep")
	for _, call := range []string{"spin(1)", "deep(100)"} {
		r := ts.run(call, 300*time.Millisecond)
		if r.err == nil || r.err.Name != "Interrupted" || r.took > 2*time.Second {
			t.Fatalf("%s: %s after %v", call, r.errText(), r.took)
		}
	}
	ts.want(t, "kept", "42")
	ts.want(t, "deep(3)", "0") // the flag is clear again
}

// TestNativeTypesMadeByReflect: a compiled function whose signature has a
// composite type the worker does not contain (the interpreter made it
// with reflect, the plugin has its own) is called with the interpreter's
// values and returns values the interpreter uses (corpus program
// 306_array_value_semantics.go failed with "reflect: Call using *[3]int as
// type *[3]int").
func TestNativeTypesMadeByReflect(t *testing.T) {
	ts := newNativeSession(t)
	ts.want(t, "func setFirst(a *[5]uint16, v uint16) []*[5]uint16 { a[0] = v; return []*[5]uint16{a} }", "")
	ts.waitCompiled(t, "setFirst")
	ts.want(t, "var a [5]uint16\nps := setFirst(&a, 7)\nps[0][1] = 8\nfmt.Println(a, *ps[0], len(ps))", "")
	if r := ts.run("fmt.Print(a)", 0); r.err != nil || r.stdout != "[7 8 0 0 0]" {
		t.Fatalf("got %q, error %s", r.stdout, r.errText())
	}
}
