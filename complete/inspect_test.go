package complete

import (
	"strings"
	"testing"
)

// TestInspect checks the help shown for each kind of name.
func TestInspect(t *testing.T) {
	ts := newCompleteSession(t)
	withDocs := gorootSrc() != ""
	tests := []struct {
		name, code string
		detail     int
		want       []string // in text/plain
		docs       []string // in text/plain when the Go sources are installed
	}{
		{name: "stdlib func", code: "fmt.Println|",
			want: []string{"Println"},
			docs: []string{"func Println(a ...any) (n int, err error)", "Println formats using the default formats"}},
		{name: "in the call's arguments", code: "fmt.Println(\"x\", |)",
			want: []string{"Println"}, docs: []string{"Println formats using the default formats"}},
		{name: "in a string argument", code: "fmt.Println(\"x|\")",
			want: []string{"Println"}},
		{name: "middle of a word", code: "fmt.Pri|ntln", want: []string{"Println"}},
		{name: "package", code: "fmt|", want: []string{"package fmt"}, docs: []string{"Package fmt implements formatted I/O"}},
		{name: "stdlib type", code: "var b strings.Builder|", want: []string{"Builder"},
			docs: []string{"type Builder struct", "A Builder is used to efficiently build a string"}},
		{name: "type's methods with detail", code: "strings.Builder|", detail: 1,
			docs: []string{"func (b *Builder) WriteString(s string) (int, error)"}},
		{name: "method through a var", code: "wg.Add|", want: []string{"Add"},
			docs: []string{"func (wg *WaitGroup) Add(delta int)", "Add adds delta"}},
		{name: "method of a call result", code: "time.Now().Unix|", want: []string{"Unix"},
			docs: []string{"func (t Time) Unix() int64"}},
		{name: "cell func", code: "Double|", want: []string{"func Double(x int) int"}},
		{name: "cell func source", code: "Double(|", detail: 1, want: []string{"func Double(x int) int", "return 2 * x"}},
		{name: "cell func with a doc comment", code: "// Triple returns three times x.\nfunc Triple(x int) int { return 3 * x }\nTriple(|",
			want: []string{"func Triple(x int) int", "Triple returns three times x."}},
		{name: "var", code: "n|", want: []string{"var n int", "n = 42"}},
		{name: "struct var", code: "p + |p", want: []string{"var p Point", "p = {1 2 a}"}},
		{name: "cell type", code: "Point|", want: []string{"type Point struct", "func (*Point) Move(dx int)", "func (Point) Norm() float64"}},
		{name: "field of a cell type", code: "p.X|", want: []string{"X int // field of Point"}},
		{name: "method of a cell type", code: "p.Mo|ve", want: []string{"func (*Point) Move(dx int)"}},
		{name: "const", code: "myConst|", want: []string{"const myConst float64", "myConst = 1.5"}},
		{name: "var of the cell not run yet", code: "t := time.Now()\nt|", want: []string{"var t time.Time"}},
		{name: "builtin", code: "len|", docs: []string{"func len(v Type) int"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, cursor := cursorAt(tt.code)
			data, found := ts.inspect(code, cursor, tt.detail)
			if !found {
				t.Fatalf("not found")
			}
			plain, _ := data["text/plain"].(string)
			md, _ := data["text/markdown"].(string)
			if !strings.HasPrefix(md, "```go\n") {
				t.Errorf("markdown does not start with Go code:\n%s", md)
			}
			want := tt.want
			if withDocs {
				want = append(want, tt.docs...)
			}
			for _, w := range want {
				if !strings.Contains(plain, w) {
					t.Errorf("text/plain lacks %q:\n%s", w, plain)
				}
			}
		})
	}
}

// TestInspectNotFound checks that unknown names are not found.
func TestInspectNotFound(t *testing.T) {
	ts := newCompleteSession(t)
	for _, marked := range []string{"nosuchname|", "|", "// fmt.Println|", "x := 42|", "p.nosuch|", "fmt.NoSuch|", "func|"} {
		code, cursor := cursorAt(marked)
		if data, found := ts.inspect(code, cursor, 0); found {
			t.Errorf("%q: found %v", marked, data)
		}
	}
}

// TestInspectMarkdown checks the Markdown of a documented function.
func TestInspectMarkdown(t *testing.T) {
	if gorootSrc() == "" {
		t.Skip("no Go sources")
	}
	ts := newTestSession(t)
	data, found := ts.inspect("fmt.Println", 5, 0)
	md, _ := data["text/markdown"].(string)
	if !found || !strings.HasPrefix(md, "```go\nfunc Println(a ...any) (n int, err error)\n```\n\nPrintln formats using the default formats") {
		t.Errorf("markdown:\n%s", md)
	}
}

// TestInspectValues checks how the values of variables are shown.
func TestInspectValues(t *testing.T) {
	ts := newTestSession(t)
	cell := "type Temp struct{ C float64 }\nfunc (t Temp) String() string { panic(\"ran\") }\n" +
		"tmp := Temp{21.5}\nm := map[string]any{\"b\": 2, \"a\": 1}\nm[\"self\"] = m\nbig := make([]int, 100000)\nd := 3 * time.Second\nvar nilp *Temp"
	if err := ts.run(cell); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"tmp", "tmp = {21.5}"}, // the cell's String method does not run
		{"m", "m = map[a:1 b:2 self:map[a:1 b:2 self:map["},
		{"d", "d = 3s"}, // a standard type's String method does
		{"nilp", "nilp = <nil>"},
	}
	for _, tt := range tests {
		data, found := ts.inspect(tt.name, len(tt.name), 0)
		if plain, _ := data["text/plain"].(string); !found || !strings.Contains(plain, tt.want) {
			t.Errorf("%s: %v %q, want %q", tt.name, found, plain, tt.want)
		}
	}
	data, _ := ts.inspect("big", 3, 0)
	plain, _ := data["text/plain"].(string)
	_, value, _ := strings.Cut(plain, "big = ")
	if !strings.HasPrefix(value, "[0 0 0") || !strings.HasSuffix(value, "…") || len(value) > 210 {
		t.Errorf("big = %q, want it cut to about 200 bytes", value)
	}
}
