package convert

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"
)

type info struct{ *types.Info }

func (i info) TypeOf(x ast.Expr) types.Type { return i.Info.TypeOf(x) }
func (i info) IsType(x ast.Expr) bool       { return i.Info.Types[x].IsType() }

// Each operand that goes to a place of another type is reported with that
// type: assignments, var specs, calls (variadic, conversions), sends,
// composite literals (slices, maps, structs) and returns.
func TestOperands(t *testing.T) {
	src := `package p
import "fmt"
type S struct{ A any; B int }
func f(a any, xs ...fmt.Stringer) {}
func g() (any, int) { return 1, 2 }
type N int
func (N) String() string { return "" }
func h(ch chan any, n N) {
	var x any
	x = n
	var y fmt.Stringer = n
	f(n, n, n)
	ch <- n
	_ = []any{n}
	_ = map[any]fmt.Stringer{n: n}
	_ = S{A: n, B: 1}
	_ = S{n, 1}
	_ = fmt.Stringer(n)
	_, _ = x, y
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	in := info{&types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, in.Info); err != nil {
		t.Skip("no export data for fmt:", err)
	}
	var got []string
	report := func(x ast.Expr, to types.Type) {
		got = append(got, fset.Position(x.Pos()).String()[5:]+" "+types.TypeString(to, func(*types.Package) string { return "" }))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		Operands(n, in, report)
		if fd, ok := n.(*ast.FuncDecl); ok {
			Returns(fd.Body, in.Defs[fd.Name].Type().(*types.Signature).Results(), report)
		}
		return true
	})
	sort.Strings(got)
	want := []string{
		"10:6 any", "11:23 Stringer", "12:4 any", "12:7 Stringer", "12:10 Stringer", "13:8 any",
		"14:12 any", "15:27 any", "15:30 Stringer", "16:11 any", "16:17 int", "17:8 any", "17:11 int",
		"18:19 Stringer", "5:30 any", "5:33 int", "7:35 string",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
