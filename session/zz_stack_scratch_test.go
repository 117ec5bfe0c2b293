package session

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestDeadScratch(t *testing.T) {
	ts := newTestSession(t)
	for _, c := range strings.Split(os.Getenv("CELLS"), "\n====\n") {
		if c == "%goroutines" {
			b := ts.Goroutines()
			t.Logf("GOROUTINES\n%s\n%s", b["text/plain"], b["text/html"])
			continue
		}
		r := ts.run(c, 2*time.Second)
		t.Logf("CELL took %v\n%s\nstdout=%q stderr=%q out=%q", r.took, r.errText(), r.stdout, r.stderr, r.text())
	}
}
