package complete

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"gokernel/session"
)

// testSession is a worker's session that completion and inspection read.
type testSession struct {
	*session.Session
	count int
}

// newTestSession returns a fresh session whose output is discarded, with
// extra packages cells can import.
func newTestSession(t testing.TB, symbols ...map[string]map[string]reflect.Value) *testSession {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { devnull.Close() })
	opts := session.Options{Stdout: devnull, Stderr: devnull, Stdin: strings.NewReader("")}
	if len(symbols) > 0 {
		opts.Symbols = symbols[0]
	}
	s, err := session.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return &testSession{Session: s}
}

// run runs a cell.
func (ts *testSession) run(code string) error {
	ts.count++
	_, err := ts.Execute(context.Background(), ts.count, code)
	return err
}

func (ts *testSession) complete(code string, cursor int) ([]string, int, int, map[string]any) {
	return Complete(ts.Session, code, cursor)
}

func (ts *testSession) inspect(code string, cursor, detail int) (map[string]any, bool) {
	return Inspect(ts.Session, code, cursor, detail)
}
