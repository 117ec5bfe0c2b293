package goroutine

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// A dump as Go 1.26 prints it with GODEBUG=tracebacklabels=1 (trimmed).
const sample = `goroutine 51 [select, 3 minutes labels:{"gokernel.1": "0/160000034/2"}]:
reflect.rselect({0xc000142d68, 0x2, 0xc000142d28?})
	/usr/local/go/src/runtime/select.go:616 +0x3cd
reflect.Select({0xc000142e88?, 0x2, 0xc000142e88?})
	/usr/local/go/src/reflect/value.go:3018 +0x5a7
github.com/traefik/yaegi/interp.recv.func2(0xc00026aa50)
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/run.go:3565 +0x245
github.com/traefik/yaegi/interp.runCfg(0xc0006fb680, 0xc00026aa50, 0xc00039f980?, 0x10000?)
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/run.go:234 +0x265
github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1()
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/program.go:197 +0x65
created by github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext in goroutine 20
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/program.go:195 +0x172

goroutine 14 [sync.Mutex.Lock labels:{"gokernel.1": "2/160000086/1", "other": "a \"quoted\" value"}]:
internal/sync.runtime_SemacquireMutex(0x1?, 0x1?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
internal/sync.(*Mutex).lockSlow(0xc00010bb98)
	/usr/local/go/src/internal/sync/mutex.go:149 +0x15d
internal/sync.(*Mutex).Lock(...)
	/usr/local/go/src/internal/sync/mutex.go:70
sync.(*Mutex).Lock(0x0?)
	/usr/local/go/src/sync/mutex.go:46 +0x2c
reflect.Value.call({0xf4e180?, 0xc00010bb98?, 0x7f7214176108?}, {0x1048a37, 0x4}, {0x19100c0, 0x0, 0x491b05?})
	/usr/local/go/src/reflect/value.go:586 +0xf0c
reflect.Value.Call({0xf4e180?, 0xc00010bb98?, 0x497829?}, {0x19100c0?, 0x11f180?, 0xc00035b878?})
	/usr/local/go/src/reflect/value.go:369 +0xb9
github.com/traefik/yaegi/interp.callBin.func2({0xf4e180?, 0xc00010bb98?, 0x497829?}, {0x19100c0?, 0x103a280?, 0xc00035b801?})
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/run.go:1465 +0x25
github.com/traefik/yaegi/interp.runCfg(0xc0006d8a00, 0xc00026ab00, 0xc00039f220?, 0x0?)
	/root/go/pkg/mod/github.com/traefik/yaegi@v0.16.1/interp/run.go:234 +0x265
gokernel/session.(*Session).runGo(0xc000123400, {0xc000010000, 0xe}, 0xc000abc000)
	/work/session/goroutines.go:33 +0x71
created by gokernel/session.(*Session).goStart.func1 in goroutine 51
	/work/session/goroutines.go:22 +0xb3

goroutine 21 [IO wait]:
internal/poll.runtime_pollWait(0x7f71cc6aae00, 0x72)
	/usr/local/go/src/runtime/netpoll.go:351 +0x85
...additional frames elided...
created by net/http.(*Server).Serve in goroutine 60
	/usr/local/go/src/net/http/server.go:3454 +0x485

goroutine 1 [running (scan), locked to thread]:
main.main()
	/tmp/x.go:5 +0x1d
`

func TestParse(t *testing.T) {
	gs := Parse([]byte(sample))
	if len(gs) != 4 {
		t.Fatalf("%d goroutines, want 4", len(gs))
	}
	g := gs[0]
	if g.ID != 51 || g.State != "select" || g.Minutes != 3 || g.Labels["gokernel.1"] != "0/160000034/2" {
		t.Errorf("header: %+v", g)
	}
	if len(g.Frames) != 5 || g.Frames[2].Func != "github.com/traefik/yaegi/interp.recv.func2" || g.Frames[2].Line != 3565 ||
		!strings.HasSuffix(g.Frames[2].File, "interp/run.go") {
		t.Errorf("frames: %+v", g.Frames)
	}
	if g.CreatedBy != "github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext" || g.Creator != 20 {
		t.Errorf("created by %q in %d", g.CreatedBy, g.Creator)
	}
	if want := map[string]string{"gokernel.1": "2/160000086/1", "other": `a "quoted" value`}; !reflect.DeepEqual(gs[1].Labels, want) {
		t.Errorf("labels %q", gs[1].Labels)
	}
	if gs[1].Frames[3].Func != "sync.(*Mutex).Lock" || gs[1].Frames[2].Func != "internal/sync.(*Mutex).Lock" {
		t.Errorf("frames: %+v", gs[1].Frames)
	}
	if gs[2].State != "IO wait" || len(gs[2].Frames) != 1 || gs[2].CreatedBy != "net/http.(*Server).Serve" || gs[2].Creator != 60 {
		t.Errorf("elided: %+v", gs[2])
	}
	if gs[3].State != "running" || gs[3].CreatedBy != "" || gs[3].Labels != nil {
		t.Errorf("main: %+v", gs[3])
	}
}

// Dump sees the goroutines of the process with their states and labels,
// and leaves GODEBUG as it was.
func TestDump(t *testing.T) {
	t.Setenv("GODEBUG", "madvdontneed=1")
	m := NewMarks()
	var mu sync.Mutex
	mu.Lock()
	ch := make(chan int)
	m.Go("In [1], line 2", func() { go func() { mu.Lock() }() })
	m.Go("In [1], line 3", func() {
		go func() {
			m.At(Code(100003, Recv))
			<-ch
		}()
	})
	defer close(ch)
	defer mu.Unlock()
	var gs []G
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		gs = Dump()
		if states(gs, m)["In [1], line 2"] == "sync.Mutex.Lock" && states(gs, m)["In [1], line 3"] == "chan receive" {
			break
		}
	}
	if got := states(gs, m); got["In [1], line 2"] != "sync.Mutex.Lock" || got["In [1], line 3"] != "chan receive" {
		t.Fatalf("states by start: %v", got)
	}
	for i := range gs {
		if l, ok := m.Label(&gs[i]); ok && l.Started == "In [1], line 3" {
			if pos, k := Decode(l.Code); pos != 100003 || k != Recv || time.Since(l.Since) > 2*time.Second {
				t.Errorf("label %+v", l)
			}
		}
	}
	if v := os.Getenv("GODEBUG"); v != "madvdontneed=1" {
		t.Errorf("GODEBUG is %q after the dump", v)
	}
}

// states maps the start positions of the labelled goroutines of gs to their states.
func states(gs []G, m *Marks) map[string]string {
	out := map[string]string{}
	for i := range gs {
		if l, ok := m.Label(&gs[i]); ok {
			out[l.Started] = gs[i].State
		}
	}
	return out
}
