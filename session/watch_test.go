package session

import (
	"strings"
	"testing"
	"time"
)

// A deadlocked cell ends with Go's words and a line per goroutine; the
// session goes on.
func TestDeadlockReport(t *testing.T) {
	ts := newTestSession(t)
	ts.run("kept := 7", 0)
	r := ts.run("ch := make(chan int)\ngo func() {\n\tch <- 1\n\tch <- 2\n}()\n<-ch\nvar never = make(chan bool)\n<-never", 5*time.Second)
	if r.err == nil || r.err.Name != "fatal error" || r.err.Value != "all goroutines are asleep - deadlock!" {
		t.Fatalf("error %s", r.errText())
	}
	if r.took > 1500*time.Millisecond {
		t.Errorf("reported after %v", r.took)
	}
	text := r.errText()
	for _, want := range []string{"[chan receive]: In [2], line 8: <-never (the cell)",
		"[chan send]: In [2], line 4: ch <- 2 (started at In [2], line 2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	if r := ts.run("kept", 0); r.text() != "7" {
		t.Errorf("after the deadlock: %q %s", r.text(), r.errText())
	}
}

// A cell waiting for a sleeping goroutine, or a timer, is no deadlock.
func TestNoDeadlockWhileSomethingCanWake(t *testing.T) {
	ts := newTestSession(t)
	for _, code := range []string{
		"done := make(chan bool)\ngo func() { time.Sleep(time.Second); done <- true }()\n<-done",
		"<-time.After(time.Second)",
		"tk := time.NewTicker(300 * time.Millisecond)\n<-tk.C; <-tk.C; <-tk.C; <-tk.C\ntk.Stop()",
	} {
		if r := ts.run(code, 5*time.Second); r.err != nil {
			t.Errorf("%q: %s", code, r.errText())
		}
	}
}

// An interrupt lists where the goroutines of the cells were; %goroutines
// shows them.
func TestInterruptListAndGoroutines(t *testing.T) {
	ts := newTestSession(t)
	ts.run("ch := make(chan int)\ngo func() {\n\tch <- 1\n}()", 0)
	time.Sleep(50 * time.Millisecond)
	b := ts.Goroutines()
	text, _ := b["text/plain"].(string)
	if !strings.Contains(text, "chan send") || !strings.Contains(text, "In [1], line 3: ch <- 1") || !strings.Contains(b["text/html"].(string), "<table>") {
		t.Errorf("%%goroutines:\n%s", text)
	}
	r := ts.run("for {}", 300*time.Millisecond)
	if r.err == nil || r.err.Name != "Interrupted" || !strings.Contains(r.errText(), "[chan send] for ") ||
		!strings.Contains(r.errText(), "In [1], line 3: ch <- 1 (started at In [1], line 2)") {
		t.Errorf("interrupt: %s", r.errText())
	}
	b = ts.Goroutines()
	if text, _ := b["text/plain"].(string); !strings.Contains(text, "No goroutine started by a cell") || !strings.Contains(text, "still parked") {
		t.Errorf("%%goroutines after the interrupt:\n%s", text)
	}
}

// A ticker that runs keeps the report away; once stopped, it cannot wake
// anybody: the deadlock is reported. So is one with a ticker that is no
// longer reachable (the watchdog collects garbage to know).
func TestDeadlockAndTickers(t *testing.T) {
	ts := newTestSession(t)
	ts.run("tk := time.NewTicker(time.Hour)", 0)
	if r := ts.run("<-make(chan int)", 1500*time.Millisecond); r.err == nil || r.err.Name != "Interrupted" {
		t.Errorf("with a live ticker: %s", r.errText())
	}
	ts.run("tk.Stop()", 0)
	if r := ts.run("<-make(chan int)", 5*time.Second); r.err == nil || r.err.Name != "fatal error" {
		t.Errorf("with the ticker stopped: %s", r.errText())
	}
	ts.run("func lost() { time.NewTicker(time.Hour) }\nlost()", 0)
	if r := ts.run("<-make(chan int)", 5*time.Second); r.err == nil || r.err.Name != "fatal error" {
		t.Errorf("with the ticker unreachable: %s", r.errText())
	}
	ts.run("func tick() { t := time.NewTicker(time.Hour); <-t.C }\ngo tick()", 0)
	if r := ts.run("<-make(chan int)", 1500*time.Millisecond); r.err == nil || r.err.Name != "Interrupted" {
		t.Errorf("with a goroutine waiting for a live ticker: %s", r.errText())
	}
}

// A goroutine that defers the call of a func value made by compiled code
// (defer tl.Begin(...)(), defer sync.OnceFunc(f)()) ends: none is left
// blocked in yaegi at exit (they were, when such defers went through the
// list of deferred closures).
func TestDeferredFuncValueOfCompiledCodeEnds(t *testing.T) {
	ts := newTestSession(t)
	r := ts.run("var runners sync.WaitGroup\nfor r := 1; r <= 3; r++ {\n\trunners.Add(1)\n\tgo func() {\n\t\tdefer runners.Done()\n"+
		"\t\tdefer sync.OnceFunc(func() { fmt.Print(r) })()\n\t\ttime.Sleep(10 * time.Millisecond)\n\t}()\n}\nrunners.Wait()\nfmt.Println()", 0)
	if r.err != nil || len(r.stdout) != 4 {
		t.Fatalf("err %s, stdout %q", r.errText(), r.stdout)
	}
	time.Sleep(50 * time.Millisecond)
	if text, _ := ts.Goroutines()["text/plain"].(string); !strings.Contains(text, "No goroutine started by a cell") {
		t.Errorf("%%goroutines after the goroutines ended:\n%s", text)
	}
}

// An interrupt ends a cell waiting in a select, and the selects its
// goroutines wait in, as it ends any other wait; the session runs on
// with its variables.
func TestInterruptSelects(t *testing.T) {
	ts := newTestSession(t)
	ts.run("n := 41\nch := make(chan int)\nquit := make(chan bool)\nfunc wait() { for { select { case v := <-ch: n += v; case <-quit: return } } }\nfor range 3 { go wait() }", 0)
	if r := ts.run("select {\ncase v := <-ch:\n\tfmt.Println(v)\ncase <-time.After(time.Hour):\n}", 500*time.Millisecond); r.err == nil || r.err.Name != "Interrupted" {
		t.Fatalf("a select waiting: %s", r.errText())
	}
	if r := ts.run("n++\nn", 0); r.err != nil || r.out["text/plain"] != "42" || strings.Contains(r.stderr, "panic") {
		t.Fatalf("after the interrupt: %v %q %s", r.out, r.stderr, r.errText())
	}
	// They end on their own goroutines: the count is read until it drops
	// (at most 5 s).
	var r cellResult
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if r = ts.run("runtime.NumGoroutine()", 0); r.err == nil && r.out["text/plain"] == "1" {
			return
		}
	}
	t.Errorf("the goroutines waiting in a select still run: %v %s", r.out, r.errText())
}
