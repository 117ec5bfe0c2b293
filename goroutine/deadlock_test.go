package goroutine

import "testing"

var testRoles = Roles{
	Entries: map[string]bool{"cell.run": true, "cell.goroutine": true},
	Starts:  "cell.goroutine",
	Process: []string{"worker.", "runtime."},
}

func cellG(id int64, state, op string, entry string) G {
	return g(id, state, "reflect.Select", "github.com/traefik/yaegi/interp."+op, yRun, entry)
}

func TestRoles(t *testing.T) {
	gs := []G{
		cellG(1, "select", "recv.func2", "cell.run"),
		cellG(2, "select", "send.func2", "cell.goroutine"),
		{ID: 3, State: "IO wait", CreatedBy: "net/http.(*Server).Serve", Creator: 2}, // started by a cell's goroutine
		{ID: 4, State: "IO wait", CreatedBy: "net/http.(*Server).Serve", Creator: 3}, // ... transitively
		{ID: 5, State: "IO wait", CreatedBy: "worker.Serve", Creator: 99},            // the worker's, creator gone
		{ID: 6, State: "select", CreatedBy: "time.goFunc", Creator: 99},              // a timer's func, creator gone
		{ID: 7, State: "chan receive", CreatedBy: "worker.loop", Creator: 5},         // the worker's
		{ID: 8, State: "running"},                                                    // main
		{ID: 10, State: "IO wait", CreatedBy: "worker.serveQueue", Creator: 2},       // runs no cell code, though a cell made it
	}
	want := map[int64]Role{1: Cell, 2: Cell, 3: ForCell, 4: ForCell, 5: Process, 6: ForCell, 7: Process, 8: Process, 10: Process}
	got := testRoles.Of(gs)
	for id, r := range want {
		if got[id] != r {
			t.Errorf("goroutine %d: role %d, want %d", id, got[id], r)
		}
	}
	if !testRoles.IsCellItself(&gs[0]) || testRoles.IsCellItself(&gs[1]) {
		t.Error("IsCellItself")
	}
}

func TestJudge(t *testing.T) {
	m := NewMarks()
	stuck := []G{cellG(2, "select", "send.func2", "cell.goroutine"), cellG(1, "select", "recv.func2", "cell.run")}
	v := Judge(stuck, testRoles, m)
	if !v.Deadlock || len(v.Cells) != 2 || !v.Cells[0].Itself || v.Cells[0].G.ID != 1 {
		t.Fatalf("all stuck: %+v", v)
	}
	key := v.Key
	if v := Judge(stuck, testRoles, m); v.Key != key {
		t.Error("the same state has another key")
	}
	for name, extra := range map[string]G{
		"a sleeping goroutine":       g(3, "sleep", "time.Sleep", "reflect.Value.call", yCall, yRun, "cell.goroutine"),
		"a running goroutine":        g(3, "running", yRun, "cell.goroutine"),
		"a goroutine in an HTTP get": g(3, "IO wait", "net/http.Get", "reflect.Value.call", yCall, yRun, "cell.goroutine"),
		"an HTTP server for a cell":  {ID: 3, State: "IO wait", CreatedBy: "net/http.(*Server).Serve", Creator: 2},
		"a child process waited for": g(3, "syscall", "os.(*Process).blockUntilWaitable", "os/exec.(*Cmd).Wait", "reflect.Value.call", yCall, yRun, "cell.goroutine"),
	} {
		if v := Judge(append([]G{extra}, stuck...), testRoles, m); v.Deadlock {
			t.Errorf("deadlock with %s", name)
		}
	}
	// the worker's own goroutines do not count; ended ones are left out
	worker := G{ID: 9, State: "IO wait", CreatedBy: "worker.Serve"}
	if v := Judge(append([]G{worker}, stuck...), testRoles, m); !v.Deadlock || len(v.Cells) != 2 {
		t.Errorf("with a worker goroutine: %+v", v)
	}
	End(2)
	defer Forget(nil)
	if v := Judge(stuck, testRoles, m); !v.Deadlock || len(v.Cells) != 1 {
		t.Errorf("with an ended goroutine: %+v", v)
	}
	// no cell's own goroutine: no cell runs, nothing to report
	if v := Judge(stuck[:1], testRoles, m); v.Deadlock {
		t.Errorf("without a cell: %+v", v)
	}
}
