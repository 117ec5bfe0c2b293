package stdlib

import (
	"runtime"
	"testing"
)

func TestTables(t *testing.T) {
	if len(Keys()) < 150 {
		t.Fatalf("only %d packages", len(Keys()))
	}
	for path, key := range map[string]string{"fmt": "fmt/fmt", "math/rand/v2": "math/rand/v2/rand", "os/exec": "os/exec/exec", "no/such": ""} {
		if got := Key(path); got != key {
			t.Errorf("Key(%q) = %q, want %q", path, got, key)
		}
	}
	if !Load("fmt/fmt")["Println"].IsValid() {
		t.Error("fmt.Println missing")
	}
	if Load("no/such/such") != nil {
		t.Error("a table for a package that does not exist")
	}
	// the unrestricted symbols are merged over the restricted ones
	if !Load("os/exec/exec")["Command"].IsValid() || !Load("os/os")["Exit"].IsValid() || !Load("os/os")["Getpid"].IsValid() {
		t.Error("os/exec.Command, os.Exit or os.Getpid missing")
	}
	if len(MapTypes) == 0 {
		t.Error("MapTypes is empty")
	}
}

// The cells' standard library is the building toolchain's: the tables are
// generated again (install.sh does it) when another Go release builds.
func TestTablesAreTheToolchains(t *testing.T) {
	if got := Release(runtime.Version()); got != GoVersion {
		t.Errorf("the tables hold the standard library of %s, this is built with %s: run go generate ./stdlib (install.sh does)", GoVersion, got)
	}
	if Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("the tables were extracted for %s, this is %s/%s: run go generate ./stdlib", Platform, runtime.GOOS, runtime.GOARCH)
	}
	// an API of Go 1.24/1.25 that yaegi's own go1.22 tables lack
	for key, name := range map[string]string{"strings/strings": "Lines", "bytes/bytes": "SplitSeq"} {
		if !Load(key)[name].IsValid() {
			t.Errorf("%s.%s missing", key, name)
		}
	}
	for p, want := range map[string]string{"go1.26.8": "go1.26", "go1.27rc1": "go1.27", "go1.26": "go1.26", "devel go1.27-abc": "devel go1.27-abc"} {
		if got := Release(p); got != want {
			t.Errorf("Release(%q) = %q, want %q", p, got, want)
		}
	}
}
