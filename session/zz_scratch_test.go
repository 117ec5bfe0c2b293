package session

import (
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	cells := strings.Split(os.Getenv("CELLS"), "\n====\n")
	ts := newTestSession(t)
	for _, c := range cells {
		r := ts.run(c, 0)
		t.Logf("CELL %q\n  out=%q stdout=%q stderr=%q err=%s", c, r.text(), r.stdout, r.stderr, firstLine(r.errText()))
	}
}
