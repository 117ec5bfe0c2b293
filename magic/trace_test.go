package magic

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"gokernel/display"
	"gokernel/schedtrace"
)

// goSession runs each Execute on a goroutine of its own, as the
// interpreter does, which starts two labelled goroutines; with block set,
// it waits for it to be closed first.
type goSession struct {
	fakeSession
	block chan struct{}
}

func (s *goSession) Execute(ctx context.Context, count int, code string) (map[string]any, error) {
	done := make(chan struct{})
	go s.runCell(done)
	<-done
	return s.fakeSession.Execute(ctx, count, code)
}

// runCell is the cell's "main" goroutine.
func (s *goSession) runCell(done chan struct{}) {
	defer close(done)
	if s.block != nil {
		<-s.block
	}
	var wg sync.WaitGroup
	for _, where := range []string{"In [1], line 2", "In [1], line 3"} {
		wg.Add(1)
		go func() {
			schedtrace.LabelGoroutine(where)
			defer wg.Done()
			time.Sleep(5 * time.Millisecond)
		}()
	}
	wg.Wait()
}

// capture returns the bundles displayed while f runs.
func capture(t *testing.T, f func()) []display.Message {
	t.Helper()
	var mu sync.Mutex
	var got []display.Message
	display.SetPublisher(func(m display.Message) { mu.Lock(); got = append(got, m); mu.Unlock() })
	defer display.SetPublisher(nil)
	f()
	return got
}

func TestTrace(t *testing.T) {
	main := readOptions.Main
	readOptions.Main = func(fn string) bool { return strings.Contains(fn, "runCell") }
	defer func() { readOptions.Main = main }()

	s := &goSession{}
	var result map[string]any
	var err error
	msgs := capture(t, func() { _, _, result, err = runOn(t, s, "%%trace\nx := 1\ny") })
	if err != nil || result["text/plain"] != "out of x := 1\ny" || len(msgs) != 1 {
		t.Fatalf("result %v, err %v, %d displays", result, err, len(msgs))
	}
	svg, _ := msgs[0].Data["image/svg+xml"].(string)
	text, _ := msgs[0].Data["text/plain"].(string)
	if !strings.Contains(svg, `data-goroutines="2"`) || !strings.Contains(svg, "line 2") || !strings.Contains(svg, "main (the cell)") {
		t.Errorf("svg:\n%s", svg)
	}
	if !strings.HasPrefix(text, "%%trace of In [1]\nwall ") || !strings.Contains(text, "2 goroutines started") || !strings.Contains(text, "events, read in") {
		t.Errorf("text:\n%s", text)
	}

	// -procs: no goroutine rows.
	msgs = capture(t, func() { _, _, _, err = runOn(t, s, "%%trace -procs\nx") })
	if svg, _ := msgs[0].Data["image/svg+xml"].(string); err != nil || strings.Contains(svg, "data-goroutine=") || !strings.Contains(svg, "data-proc=") {
		t.Errorf("-procs: err %v\n%s", err, svg)
	}

	// The traced cell's error is the cell's, after the picture.
	s.fail = "bad"
	msgs = capture(t, func() { _, _, _, err = runOn(t, s, "%%trace\nbad()") })
	if errName(err) != "CompileError: bad code" || len(msgs) != 1 {
		t.Errorf("failing cell: %v, %d displays", err, len(msgs))
	}
	s.fail = ""

	// One trace at a time.
	s.block = make(chan struct{})
	first := make(chan error)
	display.SetPublisher(func(display.Message) {})
	defer display.SetPublisher(nil)
	go func() { _, _, _, err := runOn(t, s, "%%trace\nslow()"); first <- err }()
	for !tracing.Load() {
		time.Sleep(time.Millisecond)
	}
	_, _, _, err = runOn(t, &goSession{}, "%%trace\nother()")
	if !strings.Contains(errName(err), "MagicError: %%trace: another cell is being traced") {
		t.Errorf("second trace: %v", errName(err))
	}
	close(s.block)
	if err := <-first; err != nil {
		t.Errorf("first trace: %v", err)
	}

	for _, bad := range []string{"%%trace -nope", "%%trace -procs -goroutines", "%%trace extra"} {
		if _, _, _, err := runOn(t, s, bad+"\nx"); !strings.HasPrefix(errName(err), "MagicError: %%trace: ") {
			t.Errorf("%q: %v", bad, errName(err))
		}
	}
}
