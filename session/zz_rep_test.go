package session

import (
	"context"
	"os"
	"testing"
)

func TestZZRep(t *testing.T) {
	s, err := New(Options{Native: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Stdout
	cells, _ := os.ReadFile("/tmp/rep.txt")
	for i, c := range splitCells(string(cells)) {
		_, err := s.Execute(context.Background(), i+1, c)
		t.Logf("cell %d: %v", i, err)
	}
}

func splitCells(s string) []string {
	var out []string
	for {
		i := indexOf(s, "\n====\n")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+6:]
	}
}

func indexOf(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return i
		}
	}
	return -1
}
