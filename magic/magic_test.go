package magic

import (
	"bytes"
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"gokernel/compiler"
	"gokernel/pipe"
)

// fakeSession records the code magics run and answers like a session.
type fakeSession struct {
	ran    []string
	names  []compiler.Name
	resets int
	fail   string // Execute fails for code containing it
}

func (f *fakeSession) Native(args string) (string, error) { return "native " + args + "\n", nil }

func (f *fakeSession) GoCommand(ctx context.Context, args string) (string, error) {
	return "go " + args + "\n", nil
}

func (f *fakeSession) Execute(ctx context.Context, count int, code string) (map[string]any, error) {
	f.ran = append(f.ran, code)
	if f.fail != "" && strings.Contains(code, f.fail) {
		return nil, &pipe.Error{Name: "CompileError", Value: "bad code"}
	}
	return map[string]any{"text/plain": "out of " + strings.TrimSpace(code)}, nil
}

func (f *fakeSession) Names() []compiler.Name { return f.names }
func (f *fakeSession) Goroutines() map[string]any {
	return map[string]any{"text/plain": "goroutine  state\n7          chan receive\n", "text/html": "<table></table>"}
}
func (f *fakeSession) Reset() error { f.resets++; return nil }

// run runs cell on a Runner over a fakeSession and returns what it printed.
func run(t *testing.T, s *fakeSession, cell string) (stdout, stderr string, result map[string]any, err error) {
	t.Helper()
	return runOn(t, s, cell)
}

// runOn is run on any Session.
func runOn(t *testing.T, s Session, cell string) (stdout, stderr string, result map[string]any, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	r := &Runner{Session: s, Stdout: &out, Stderr: &errOut}
	result, err = r.Run(context.Background(), 1, cell)
	return out.String(), errOut.String(), result, err
}

func errName(err error) string {
	var pe *pipe.Error
	if errors.As(err, &pe) {
		return pe.Name + ": " + pe.Value
	}
	return ""
}

// Every magic has a usage, help and a handler, names are unique, and %help
// prints one line per magic: the table is the only list.
func TestTableAndHelp(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range Table {
		if m.Usage == "" || m.Help == "" || m.run == nil {
			t.Errorf("magic %q: usage, help and handler are required", m.Usage)
		}
		if seen[m.Name()] {
			t.Errorf("magic %s is in the table twice", m.Name())
		}
		seen[m.Name()] = true
	}
	out, _, _, err := run(t, &fakeSession{}, "%help")
	if err != nil {
		t.Fatal(err)
	}
	lines := regexp.MustCompile(`(?m)^  (\S+)`).FindAllStringSubmatch(out, -1)
	if len(lines) != len(Table) {
		t.Fatalf("%%help lists %d magics, the table has %d:\n%s", len(lines), len(Table), out)
	}
	for i, l := range lines {
		name := l[1]
		if strings.HasPrefix(name, "!") {
			name = "!"
		}
		if _, ok := lookup(name); !ok || Table[i].Name() != name {
			t.Errorf("%%help line %q is not the magic %s", l[0], Table[i].Name())
		}
	}
}

func TestCodeAroundLineMagics(t *testing.T) {
	s := &fakeSession{names: []compiler.Name{{Name: "x", Kind: "var", Type: "int"}}}
	out, _, result, err := run(t, s, "x := 1\n%who\ny")
	if err != nil {
		t.Fatal(err)
	}
	// Code parts keep their cell lines (blank lines before them).
	if len(s.ran) != 2 || s.ran[0] != "x := 1" || s.ran[1] != "\n\ny" {
		t.Errorf("ran %q", s.ran)
	}
	if !strings.Contains(out, "NAME") || !strings.Contains(out, "x") || result["text/plain"] != "out of y" {
		t.Errorf("out %q result %v", out, result)
	}
	// % inside an open bracket is Go code, not a magic.
	s = &fakeSession{}
	if _, _, _, err := run(t, s, "x := f(\n%v\n)"); err != nil || len(s.ran) != 1 {
		t.Errorf("ran %q, err %v", s.ran, err)
	}
}

func TestUnknownMagics(t *testing.T) {
	for cell, want := range map[string]string{
		"%nope":          "MagicError: line 1: %nope is not a magic",
		"%%nope\nx":      "MagicError: %%nope is not a cell magic",
		"%time":          "MagicError: %time needs a statement",
		"%%compile -foo": "MagicError: %%compile: unknown flag",
		"%timeit -q 1":   "MagicError: %timeit: flag provided but not defined",
	} {
		if _, _, _, err := run(t, &fakeSession{}, cell); !strings.HasPrefix(errName(err), want) {
			t.Errorf("%q: error %q, want %q...", cell, errName(err), want)
		}
	}
}

func TestTime(t *testing.T) {
	s := &fakeSession{}
	out, _, result, err := run(t, s, "%time fib(20)")
	if err != nil || len(s.ran) != 1 || s.ran[0] != "fib(20)" || result["text/plain"] != "out of fib(20)" {
		t.Fatalf("ran %q result %v err %v", s.ran, result, err)
	}
	if !regexp.MustCompile(`^CPU times: user \S+ \S+, sys \S+ \S+, total \S+ \S+\nWall time: \S+ \S+\n$`).MatchString(out) {
		t.Errorf("%%time printed %q", out)
	}
	s = &fakeSession{}
	out, _, _, err = run(t, s, "%%time\nx := 1\n%who")
	if err != nil || len(s.ran) != 1 || !strings.Contains(out, "Nothing defined yet.") || !strings.Contains(out, "Wall time") {
		t.Errorf("%%%%time: ran %q out %q err %v", s.ran, out, err)
	}
	// The error of the timed code is the cell's.
	if _, _, _, err := run(t, &fakeSession{fail: "bad"}, "%time bad()"); errName(err) != "CompileError: bad code" {
		t.Errorf("%%time of failing code: %v", err)
	}
}

func TestTimeit(t *testing.T) {
	s := &fakeSession{}
	out, _, _, err := run(t, s, "%timeit -n 3 -r 2 x + 1")
	if err != nil {
		t.Fatal(err)
	}
	// One definition of the loop function, then 2 runs of 3 loops.
	if len(s.ran) != 3 || !strings.Contains(s.ran[0], "_ = x + 1") || s.ran[1] != "__gk_timeit1(3)" {
		t.Errorf("ran %q", s.ran)
	}
	if !regexp.MustCompile(`^\S+ \S+ ± \S+ \S+ per loop \(mean ± std\. dev\. of 2 runs, 3 loops each\)\n$`).MatchString(out) {
		t.Errorf("%%timeit printed %q", out)
	}
}

func TestEnvCdWhoResetVersion(t *testing.T) {
	s := &fakeSession{}
	t.Setenv("GOKERNEL_MAGIC_TEST", "")
	if out, _, _, err := run(t, s, "%env GOKERNEL_MAGIC_TEST=42"); err != nil || out != "env: GOKERNEL_MAGIC_TEST=42\n" || os.Getenv("GOKERNEL_MAGIC_TEST") != "42" {
		t.Errorf("%%env set: %q %v", out, err)
	}
	if out, _, _, _ := run(t, s, "%env GOKERNEL_MAGIC_TEST"); out != "42\n" {
		t.Errorf("%%env get: %q", out)
	}
	if _, _, _, err := run(t, s, "%env GOKERNEL_NOT_SET_ANYWHERE"); !strings.Contains(errName(err), "is not set") {
		t.Errorf("%%env unset: %v", err)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	dir := t.TempDir()
	if out, _, _, err := run(t, s, "%cd "+dir); err != nil || out != dir+"\n" {
		t.Errorf("%%cd: %q %v", out, err)
	}
	if _, _, _, err := run(t, s, "%cd /no/such/dir"); !strings.Contains(errName(err), "no such file") {
		t.Errorf("%%cd bad: %v", err)
	}
	if out, _, _, _ := run(t, s, "%who"); out != "Nothing defined yet.\n" {
		t.Errorf("%%who empty: %q", out)
	}
	if out, _, _, _ := run(t, s, "%reset"); s.resets != 1 || !strings.Contains(out, "Interpreter reset") {
		t.Errorf("%%reset: %q, %d resets", out, s.resets)
	}
	if out, _, _, _ := run(t, s, "%version"); !strings.HasPrefix(out, "gokernel "+pipe.Version+"\nGo go1.") {
		t.Errorf("%%version: %q", out)
	}
}

func TestShell(t *testing.T) {
	out, errOut, _, err := run(t, &fakeSession{}, "!echo hello; echo oops >&2")
	if err != nil || out != "hello\n" || errOut != "oops\n" {
		t.Errorf("!echo: %q %q %v", out, errOut, err)
	}
	// A failing command says its status and does not fail the cell.
	_, errOut, _, err = run(t, &fakeSession{}, "!exit 3")
	if err != nil || errOut != "(exit status 3)\n" {
		t.Errorf("!exit 3: %q %v", errOut, err)
	}
}

func TestCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	out, _, _, err := run(t, &fakeSession{}, "%%compile\nfunc main() { fmt.Println(\"compiled\", runtime.Compiler) }")
	if err != nil || out != "compiled gc\n" {
		t.Fatalf("%%%%compile: %q %v", out, err)
	}
	_, _, _, err = run(t, &fakeSession{}, "%%compile\nfunc main() {\n\tundefinedThing()\n}")
	if !strings.Contains(errName(err), "line 2, column 2: undefined: undefinedThing") {
		t.Errorf("%%%%compile error: %v", errName(err))
	}
	_, errOut, _, err := run(t, &fakeSession{}, "%%compile\nfunc main() { panic(\"boom\") }")
	if !strings.Contains(errName(err), "ExitError: the program ended with exit status 2: panic: boom") || !strings.Contains(errOut, "goroutine 1") {
		t.Errorf("%%%%compile panic: %v / %q", errName(err), errOut)
	}
}

// %goroutines shows the session's table through Display, or prints its
// text without one.
func TestGoroutines(t *testing.T) {
	out, _, result, err := run(t, &fakeSession{}, "%goroutines")
	if err != nil || result != nil || out != "goroutine  state\n7          chan receive\n" {
		t.Errorf("%%goroutines without Display: %q %v %v", out, result, err)
	}
	var shown []map[string]any
	var buf bytes.Buffer
	r := &Runner{Session: &fakeSession{}, Stdout: &buf, Stderr: &buf, Display: func(b map[string]any) { shown = append(shown, b) }}
	if _, err := r.Run(context.Background(), 1, "%goroutines"); err != nil || buf.Len() != 0 || len(shown) != 1 || shown[0]["text/html"] != "<table></table>" {
		t.Errorf("%%goroutines with Display: %q %v %v", buf.String(), shown, err)
	}
}
