package stdlib

import "testing"

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
