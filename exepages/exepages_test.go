package exepages

import (
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestRelease checks that the mappings found hold the program's code, and
// that the program runs on after their pages are dropped.
func TestRelease(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux only")
	}
	pc := uint64(reflect.ValueOf(programMappings).Pointer())
	found := false
	for _, m := range programMappings() {
		if m.start <= pc && pc < m.end {
			found = true
		}
	}
	if !found {
		t.Fatalf("no mapping of the program's code at %#x among %v", pc, programMappings())
	}
	Release()
	WriteBack()
	Release()
	if !strings.Contains(strings.Repeat("ab", 3), "ba") || len(os.Args) == 0 { // code and data paged back in
		t.Fatal("lost")
	}
}
