package kernel

import (
	"testing"
)

func TestGlobMatcher(t *testing.T) {
	m := globMatcher("fmt.*(\"a\")")
	if !m("fmt.Println(\"a\")") || m("x fmt.Println(\"a\")") {
		t.Error("glob * or anchoring wrong")
	}
	if !globMatcher("a*b")("a\nline\nb") {
		t.Error("* must match newlines")
	}
	if !globMatcher("")("anything") {
		t.Error("empty pattern must match everything")
	}
}
