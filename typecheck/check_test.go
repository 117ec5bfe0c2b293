package typecheck

import (
	"errors"
	"gokernel/compiler"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// checkCells type-checks cells in order, committing each that passes, and
// returns the error of each ("" when it passed).
func checkCells(t *testing.T, cells ...string) []string {
	t.Helper()
	c := NewChecker()
	if c == nil {
		t.Skip("no Go sources installed")
	}
	var out []string
	for _, src := range cells {
		res, err := c.Check(src)
		if err != nil {
			var e *compiler.Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: error of type %T", src, err)
			}
			out = append(out, e.Msg+" @"+strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Col))
			continue
		}
		res.Commit()
		out = append(out, "")
	}
	return out
}

// The checker gives Go's own messages, at the cell's line and column.
func TestCheckGoMessages(t *testing.T) {
	for src, want := range map[string]string{
		"var x int = \"s\"":                     `cannot use "s" (untyped string constant) as int value in variable declaration @1:13`,
		"y := 1\nfmt.Println(undefinedName)":    "undefined: undefinedName @2:13",
		"func f() int {\n\treturn \"no\"\n}":    `cannot use "no" (untyped string constant) as int value in return statement @2:9`,
		"for i := 0; i < 3; i++ {\n\tz := i\n}": "declared and not used: z @2:2",
		"var s []int\ns.Len()":                  "s.Len undefined (type []int has no field or method Len) @2:3",
		"a, b := 1":                             "assignment mismatch: 2 variables but 1 value @1:9",
	} {
		got := checkCells(t, "import \"fmt\"", src)
		if got[1] != want {
			t.Errorf("%q:\n got %q\nwant %q", src, got[1], want)
		}
	}
}

// Notebook usage that Go accepts in a session is never refused: a trailing
// value, imports used by later cells, names of earlier cells, their
// redefinition, methods declared in another cell.
func TestCheckAcrossCells(t *testing.T) {
	got := checkCells(t,
		"import (\"fmt\"; \"strings\")",                                      // 0: not used yet
		"type P struct{ X int }\nfunc (p P) Double() int { return 2 * p.X }", // 1
		"p := P{3}\nx := 1\nconst c = 1.5\nvar v = []string{\"a\"}",          // 2
		"p.Double() + x", // 3: the cell's value
		"strings.ToUpper(v[0]) + fmt.Sprint(c*2)", // 4
		"x := \"now a string\"",                   // 5: redefined
		"x + 1",                                   // 6: Go's error for the new x
		"func f(n int) string { return fmt.Sprint(n) }",
		"f(\"one\")",
		"for i := range 3 { fmt.Println(i, f(i)) }",
		"func (p P) Name() string { return \"P\" }",
		"p.Name() + x",
	)
	want := []string{"", "", "", "", "", "",
		`invalid operation: x + 1 (mismatched types string and untyped int) @1:1`,
		"", `cannot use "one" (untyped string constant) as int value in argument to f @1:3`, "", "", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// Packages the checker cannot load (the gokernel packages, modules) are
// left to the interpreter: nothing about their use is reported.
func TestCheckUnknownPackages(t *testing.T) {
	got := checkCells(t, "import \"gokernel/display\"\nt := display.NewTimeline()\nt.Whatever(1)", "t.Other()")
	if got[0] != "" || got[1] != "" {
		t.Errorf("got %q", got)
	}
}

// A type of the cells that embeds a type of an unknown package may have
// any field or method; one that does not is still checked.
func TestCheckEmbeddedUnknownType(t *testing.T) {
	got := checkCells(t,
		"import (\"fmt\"; \"gokernel/measure\")\ntype run struct {\n\tname string\n\tmeasure.Sample\n}\ntype wrap struct{ *run }",
		"r := run{name: \"a\"}\nfmt.Println(r.Wall, r.Busy(), r.name)\nw := wrap{&r}\nw.CPU = 0",
		"type plain struct{ n int }\np := plain{}\np.Wall = 1")
	want := []string{"", "", "p.Wall undefined (type plain has no field or method Wall) @3:3"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// A package registered with its source (as the worker does for
// gokernel/display) is checked for real: its names and types are known.
func TestCheckRegisteredSource(t *testing.T) {
	RegisterSource("gokernel/zztest", fstest.MapFS{
		"a.go":      {Data: []byte("package zztest\n\nimport \"time\"\n\n// T is a test type.\ntype T struct{ D time.Duration }\n\n// New returns a T.\nfunc New() *T { return &T{D: time.Second} }\n")},
		"a_test.go": {Data: []byte("package zztest\n\nthis is not Go")},
	})
	got := checkCells(t,
		"import (\"fmt\"; \"gokernel/zztest\")\nt := zztest.New()\nfmt.Println(t.D.Seconds())",
		"var n int = zztest.New().D",
		"zztest.Missing()")
	want := []string{"", "cannot use zztest.New().D (variable of int64 type time.Duration) as int value in variable declaration @1:13", "undefined: zztest.Missing @1:8"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// BenchmarkCheckCell is the cost of type-checking a small cell in a
// session that has declared a few names (the standard packages it imports
// are already loaded).
func BenchmarkCheckCell(b *testing.B) {
	c := NewChecker()
	if c == nil {
		b.Skip("no Go sources installed")
	}
	for _, src := range []string{
		"import (\"fmt\"; \"strings\"; \"sync\")",
		"type P struct{ X, Y int }\nfunc (p P) Sum() int { return p.X + p.Y }",
		"var mu sync.Mutex\ncounter := 0\nnames := []string{\"a\", \"b\"}",
	} {
		res, err := c.Check(src)
		if err != nil {
			b.Fatal(err)
		}
		res.Commit()
	}
	cell := "mu.Lock()\ncounter += P{1, 2}.Sum()\nmu.Unlock()\nfmt.Println(strings.Join(names, \",\"), counter)"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Check(cell); err != nil {
			b.Fatal(err)
		}
	}
}

// The stubs of earlier cells follow the cell's imports in the check file;
// none of their names may take a position of the cell. The stub
// "var ex *E" landed on a line of the cell, column 5, where a cell that
// defines i in "for i := ..." on that line had i typed *E or int, by map
// order (the loop lowering then wrote func(p *E)).
func TestStubsHaveNoCellPositions(t *testing.T) {
	c := NewChecker()
	if c == nil {
		t.Skip("no Go toolchain")
	}
	res, err := c.Check("type E struct{}\nex := &E{}\n_ = ex")
	if err != nil {
		t.Fatal(err)
	}
	res.Commit()
	for blank := 0; blank < 8; blank++ {
		cell := "import \"fmt\"\nimport \"strings\"\n" + strings.Repeat("\n", blank) +
			"for i := 0; i < 2; i++ {\n\tfmt.Println(strings.Repeat(\"x\", i))\n}"
		off := strings.Index(cell, "i :=")
		for n := 0; n < 20; n++ {
			res, err := c.Check(cell)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.DefType(off); got == nil || got.String() != "int" {
				t.Fatalf("for on line %d, check %d: the type of i is %v, want int", 3+blank, n, got)
			}
		}
	}
}

// The constants of earlier cells keep their exact value and kind: an
// untyped float with an integer value stays a float (2.0/4 is not 0), a
// rune a rune (which a float64 takes), a complex value with fractions its
// sign (the stub wrote (0 + 6004799503160661.0/18014398509481984i), a
// division by i).
func TestCheckConstantsOfEarlierCells(t *testing.T) {
	got := checkCells(t, "const f = 2.0\nconst k = 'a'\nconst third = 1.0 / 3 * 1i",
		"var x float64 = k\nvar a [f/4*4 - 1]int\nvar b [int(imag(third) * 3)]int")
	if got[1] != "" {
		t.Errorf("constants of an earlier cell: %s", got[1])
	}
}
