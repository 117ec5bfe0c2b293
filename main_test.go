package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The kernel process must not carry the interpreter: it is the point of
// running cells in gokernel-worker (memory, and a crash costs the worker).
func TestKernelDoesNotLinkTheInterpreter(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := string(out)
	if !strings.Contains(deps, "gokernel/kernel\n") {
		t.Fatalf("go list -deps . does not list gokernel/kernel:\n%s", deps)
	}
	for _, dep := range strings.Fields(deps) {
		// the pipe protocol (gokernel/interp/protocol) is shared; nothing else of the worker is
		if strings.HasPrefix(dep, "github.com/traefik/yaegi") || (strings.HasPrefix(dep, "gokernel/interp") && dep != "gokernel/pipe") {
			t.Errorf("the gokernel command depends on %s", dep)
		}
	}
}
