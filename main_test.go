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
	// Of this module, the kernel links only the Jupyter side, the worker
	// process client, and what both processes share: the pipe protocol and
	// the fatal error reader. Nothing of the worker (session, compiler,
	// magics, completion) and no interpreter.
	allowed := map[string]bool{"gokernel": true, "gokernel/kernel": true, "gokernel/kernel/workerproc": true, "gokernel/pipe": true, "gokernel/fatal": true}
	for _, dep := range strings.Fields(deps) {
		if strings.HasPrefix(dep, "github.com/traefik/yaegi") || (strings.HasPrefix(dep, "gokernel/") && !allowed[dep]) {
			t.Errorf("the gokernel command depends on %s", dep)
		}
	}
}
