package typecheck

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// One go list finds the export data of a batch of packages and of their
// dependencies; the importer then reads them without running go again.
func TestExportIndexBatches(t *testing.T) {
	root := goroot()
	if root == "" {
		t.Skip("no Go toolchain")
	}
	x := newExportIndex(root)
	if err := x.prefetch("fmt", "image/png", "net/http", "gokernel/display", "example.com/m"); err != nil {
		t.Fatal(err)
	}
	imp := importer.ForCompiler(token.NewFileSet(), "gc", x.lookup).(types.ImporterFrom)
	for _, path := range []string{"fmt", "io", "image/color", "net/http", "net/url", "strconv"} {
		p, err := imp.ImportFrom(path, "", 0)
		if err != nil || !p.Complete() {
			t.Fatalf("import %s: %v", path, err)
		}
	}
	if x.lists != 1 {
		t.Errorf("go list ran %d times for packages found by the first run, want 1", x.lists)
	}
	if _, err := imp.ImportFrom("no/such/package", "", 0); err == nil {
		t.Error("importing a package that does not exist succeeded")
	}
	if p, err := imp.ImportFrom("encoding/csv", "", 0); err != nil || p.Scope().Lookup("NewReader") == nil {
		t.Errorf("a package outside the first batch: %v", err)
	}
}
