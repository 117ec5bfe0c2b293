package display

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestSymbolsComplete checks that Symbols lists every exported name of the
// package except the worker's hook (SetPublisher, Message) and Symbols
// itself, and nothing else.
func TestSymbolsComplete(t *testing.T) {
	hook := map[string]bool{"SetPublisher": true, "Message": true, "Symbols": true, "WithSVGImage": true, "Source": true}
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	exported := map[string]bool{}
	for _, file := range files {
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					exported[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							exported[s.Name.Name] = true
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								exported[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	syms, ok := Symbols["gokernel/display/display"]
	if !ok || len(Symbols) != 1 {
		t.Fatalf("Symbols keys: %v", Symbols)
	}
	var missing, extra []string
	for name := range exported {
		if _, ok := syms[name]; !ok && !hook[name] {
			missing = append(missing, name)
		}
	}
	for name, v := range syms {
		if !exported[name] || hook[name] {
			extra = append(extra, name)
		}
		if !v.IsValid() {
			t.Errorf("Symbols[%q] is not a valid value", name)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("Symbols: missing %v, unexpected %v", missing, extra)
	}
	if len(exported) < 15 {
		t.Errorf("parsed only %d exported names: %v", len(exported), exported)
	}
}
