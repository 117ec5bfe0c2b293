package cellsrc

import "testing"

func TestImportName(t *testing.T) {
	for path, want := range map[string]string{
		"fmt": "fmt", "math/rand": "rand", "math/rand/v2": "rand", "gopkg.in/yaml.v3": "yaml",
		"github.com/mattn/go-sqlite3": "sqlite3", "golang.org/x/sync/errgroup": "errgroup",
		"github.com/google/uuid": "uuid", "example.com/mod/v2": "mod",
	} {
		if got := ImportName(path); got != want {
			t.Errorf("ImportName(%q) = %q, want %q", path, got, want)
		}
	}
}
