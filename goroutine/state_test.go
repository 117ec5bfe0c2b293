package goroutine

import "testing"

// g makes a goroutine in state with frames (innermost first).
func g(id int64, state string, frames ...string) G {
	out := G{ID: id, State: state}
	for _, f := range frames {
		out.Frames = append(out.Frames, Frame{Func: f})
	}
	return out
}

const (
	yRun  = "github.com/traefik/yaegi/interp.runCfg"
	yCall = "github.com/traefik/yaegi/interp.callBin.func2"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		g     G
		state string
		kind  Kind
		call  string
		stuck bool
	}{
		{g(1, "select", "reflect.rselect", "reflect.Select", "github.com/traefik/yaegi/interp.recv.func2", yRun), "chan receive", Recv, "", true},
		{g(2, "select", "reflect.Select", "github.com/traefik/yaegi/interp.recv2.func1", yRun), "chan receive", Recv, "", true},
		{g(3, "select", "reflect.Select", "github.com/traefik/yaegi/interp.send.func2", yRun), "chan send", Send, "", true},
		{g(4, "select", "reflect.Select", "github.com/traefik/yaegi/interp._select.func4", yRun), "select", Select, "", true},
		{g(5, "select", "reflect.Select", "github.com/traefik/yaegi/interp.rangeChan.func1", yRun), "chan receive", Range, "", true},
		{g(6, "sync.Mutex.Lock", "internal/sync.runtime_SemacquireMutex", "sync.(*Mutex).Lock", "reflect.Value.call", "reflect.Value.Call", yCall, yRun), "sync.Mutex.Lock", Lock, "sync.(*Mutex).Lock", true},
		{g(7, "sync.WaitGroup.Wait", "sync.runtime_SemacquireWaitGroup", "sync.(*WaitGroup).Wait", "reflect.Value.call", yCall, yRun), "sync.WaitGroup.Wait", Wait, "sync.(*WaitGroup).Wait", true},
		{g(8, "sleep", "time.Sleep", "reflect.Value.call", yCall, yRun), "sleep", Sleep, "time.Sleep", false},
		// blocked in compiled code: an HTTP request, fmt.Scan (the worker's stdin)
		{g(9, "select", "net/http.(*persistConn).roundTrip", "net/http.(*Client).Get", "net/http.Get", "reflect.Value.call", yCall, yRun), "select", 0, "net/http.Get", false},
		{g(10, "chan receive", "gokernel/worker.(*inputReader).Read", "fmt.Fscan", "fmt.Scan", "reflect.Value.call", yCall, yRun), "chan receive", 0, "fmt.Scan", false},
		// a Mutex.Lock inside compiled code (sync.Once) is not the cell's own wait
		{g(11, "sync.Mutex.Lock", "sync.(*Mutex).Lock", "sync.(*Once).doSlow", "sync.(*Once).Do", "reflect.Value.call", yCall, yRun), "sync.Mutex.Lock", 0, "sync.(*Once).Do", false},
		// woken, not yet running; running; no interpreted frame at all
		{g(12, "runnable", "reflect.Select", "github.com/traefik/yaegi/interp.recv.func2", yRun), "runnable", Recv, "", false},
		{g(13, "running", "github.com/traefik/yaegi/interp.runCfg"), "running", 0, "", false},
		{g(14, "chan receive", "main.worker", "main.main"), "chan receive", 0, "", false},
	} {
		b := Classify(&c.g)
		if b.State != c.state || b.Kind != c.kind || b.Call != c.call || b.Stuck != c.stuck {
			t.Errorf("goroutine %d: %+v, want state %q kind %d call %q stuck %v", c.g.ID, b, c.state, c.kind, c.call, c.stuck)
		}
	}
}

func TestMatches(t *testing.T) {
	if !(Block{Kind: Select}).Matches(SelectNone) || !(Block{Kind: Recv}).Matches(Recv) ||
		(Block{Kind: Recv}).Matches(Send) || (Block{}).Matches(Recv) || (Block{Kind: Range}).Matches(Recv) {
		t.Error("Matches")
	}
}
