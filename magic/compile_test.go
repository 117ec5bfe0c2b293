package magic

import "testing"

func TestWithMissingImports(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"package main\n\nfunc main() { fmt.Println(strings.ToUpper(\"x\")) }", "package main; import (\"fmt\"; \"strings\")\n\nfunc main() { fmt.Println(strings.ToUpper(\"x\")) }"},
		{"package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }"},
		{"package main\n\nfunc main() { var fmt = 1; _ = fmt }", "package main\n\nfunc main() { var fmt = 1; _ = fmt }"},
	} {
		if got := withMissingImports(c.in); got != c.want {
			t.Errorf("withMissingImports(%q) =\n%q, want\n%q", c.in, got, c.want)
		}
	}
}
