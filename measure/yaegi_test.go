package measure

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"gokernel/display"
)

// TestSymbolsComplete checks that Symbols lists every exported name of the
// package but Symbols itself, and nothing else.
func TestSymbolsComplete(t *testing.T) {
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, f := range pkgs["measure"].Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					exported = append(exported, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
						exported = append(exported, ts.Name.Name)
					}
					if vs, ok := s.(*ast.ValueSpec); ok && vs.Names[0].Name != "Symbols" && vs.Names[0].Name != "Source" && vs.Names[0].IsExported() {
						exported = append(exported, vs.Names[0].Name)
					}
				}
			}
		}
	}
	var listed []string
	for name := range Symbols["gokernel/measure/measure"] {
		listed = append(listed, name)
	}
	sort.Strings(exported)
	sort.Strings(listed)
	if strings.Join(exported, " ") != strings.Join(listed, " ") {
		t.Fatalf("exported: %v\nin Symbols: %v", exported, listed)
	}
}

// TestYaegiCell uses the package from interpreted code, as cells do.
func TestYaegiCell(t *testing.T) {
	yi := interp.New(interp.Options{})
	for _, s := range []interp.Exports{stdlib.Symbols, display.Symbols, Symbols} {
		if err := yi.Use(s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := yi.Eval(`
import (
	"fmt"
	"sync"
	"time"

	"gokernel/display"
	"gokernel/measure"
)

func run() string {
	var inside measure.Peak
	s := measure.BestTimed(2, "jobs", func(tl *display.Timeline) {
		var wg sync.WaitGroup
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				leave := inside.Enter()
				defer leave()
				defer tl.Begin(fmt.Sprint("g", i), "sleep")()
				time.Sleep(20 * time.Millisecond)
			}()
		}
		wg.Wait()
	})
	one := measure.Time(func() { time.Sleep(60 * time.Millisecond) })
	return fmt.Sprint(inside.Max(), " ", s.Timeline != nil, " ", s.Wall < one.Wall, " ", measure.Threads() > 0)
}`); err != nil {
		t.Fatal(err)
	}
	v, err := yi.Eval("run()")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "3 true true true" {
		t.Fatalf("got %q", got)
	}
}
