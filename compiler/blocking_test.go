package compiler_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gokernel/cellsrc"
	"gokernel/compiler"
	"gokernel/goroutine"
	"gokernel/typecheck"
)

type noEnv struct{}

func (noEnv) Lookup(string) *compiler.Decl { return nil }
func (noEnv) TypeOf(string) string         { return "" }

// compile compiles a type-checked cell (serial 3) and returns its plan and
// the source of its steps.
func compile(t *testing.T, src string) (*compiler.Plan, string) {
	t.Helper()
	c := typecheck.NewChecker()
	if c == nil {
		t.Skip("no Go sources: cells are not type-checked")
	}
	res, err := c.Check(src)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	pl, err := compiler.CompileChecked(src, 1, 3, noEnv{}, res)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var b strings.Builder
	for _, st := range pl.Steps {
		b.WriteString(st.Src + "\n")
	}
	return pl, regexp.MustCompile(`/\*line [^*]*\*/`).ReplaceAllString(b.String(), "")
}

// at is the marker text for line of cell 3 and kind k.
func at(line int, k goroutine.Kind) string {
	return compiler.RuntimeName + ".At(" + strconv.Itoa(goroutine.Code(3*cellsrc.LineStride+line, k)) + ")"
}

func TestBlockingMarkers(t *testing.T) {
	src := `import ("fmt"; "sync"; "time")
var mu sync.RWMutex
var wg sync.WaitGroup
ch := make(chan int, 1)
func f(c chan int, l sync.Locker) int {
	l.Lock()
	for v := range c {
		if v < 0 {
			continue
		}
		fmt.Println(v)
	}
	select {
	case c <- 1:
	default:
	}
	select {
	case <-c:
	case <-time.After(time.Second):
	}
	return <-c
}
ch <- 1
mu.Lock()
mu.RLock()
wg.Wait()
time.Sleep(time.Millisecond)
fmt.Println(<-ch)
select {}`
	_, code := compile(t, src)
	for _, want := range []string{
		at(6, goroutine.Lock) + "; l.Lock()", // an interface: always marked
		"if len(c) == 0 { " + at(7, goroutine.Range) + " }; for v := range c {",
		"if len(c) == 0 { " + at(7, goroutine.Range) + " }; continue",    // each iteration receives
		"fmt.Println(v)\n\t; if len(c) == 0 { " + at(7, goroutine.Range), // ... at the end of the body too
		at(17, goroutine.Select) + "; { __gksc8 := c; var __gksv9 int; var __gkso10 bool; _, _ = __gksv9, __gkso10; __gksc11 := time.After(time.Second);", // operands evaluated first, in order
		"switch __gkrt.RunSelect(false, __gkrt.SelectRecv(__gksc8, &__gksv9, &__gkso10), __gkrt.SelectRecv(__gksc11, &__gksv12, &__gkso13)) {\n\tcase 0:", // the session's select, not yaegi's
		"if len(ch) == cap(ch) { " + at(23, goroutine.Send) + " }; ch <- 1",
		"if !mu.TryLock() { " + at(24, goroutine.Lock) + "; mu.Lock() }",
		"if !mu.TryRLock() { " + at(25, goroutine.Lock) + "; mu.RLock() }",
		at(26, goroutine.Wait) + "; wg.Wait()",
		at(27, goroutine.Sleep) + "; time.Sleep(",
		"if len(ch) == 0 { " + at(28, goroutine.Recv) + " }; __gkv14 := <-ch",
		"if len(c) == 0 { " + at(21, goroutine.Recv) + " }; __gkv1 := <-c; return __gkv1", // before the receive hoisted out of the return
		at(29, goroutine.SelectNone) + "; select {}",
	} {
		if !strings.Contains(code, want) {
			t.Errorf("no %q in:\n%s", want, code)
		}
	}
	// a select with a default never blocks
	if strings.Contains(code, at(13, goroutine.Select)) {
		t.Errorf("a select with default is marked:\n%s", code)
	}
}

// A statement that runs as a step of its own records its marker in the step.
func TestBlockingStep(t *testing.T) {
	pl, code := compile(t, "ch := make(chan int)\nv := <-ch\nw, ok := <-ch\n<-ch")
	if strings.Contains(code, ".At(") {
		t.Errorf("marker in a step of its own:\n%s", code)
	}
	var blocks []int
	for _, st := range pl.Steps {
		blocks = append(blocks, st.Block)
	}
	want := []int{0, goroutine.Code(3*cellsrc.LineStride+2, goroutine.Recv), goroutine.Code(3*cellsrc.LineStride+3, goroutine.Recv), goroutine.Code(3*cellsrc.LineStride+4, goroutine.Recv)}
	if len(blocks) != len(want) {
		t.Fatalf("steps' blocks %v, want %v", blocks, want)
	}
	for i := range want {
		if blocks[i] != want[i] {
			t.Errorf("steps' blocks %v, want %v", blocks, want)
		}
	}
}

// Stop and Reset of timers and tickers go through the session's timers,
// called or as method values, deferred or not.
func TestTimerMethods(t *testing.T) {
	_, code := compile(t, `import "time"
tk := time.NewTicker(time.Second)
tm := time.NewTimer(time.Second)
func f() {
	defer tk.Stop()
	stop := tm.Stop
	_ = stop()
}
tk.Reset(time.Minute)
ok := tm.Reset(time.Minute)
var tv time.Timer
tv.Stop()
g := (*time.Ticker).Stop
_, _ = ok, g`)
	for _, want := range []string{"__gkrt.TickerStop((tk))()", "stop := __gkrt.TimerStop((tm))", "__gkrt.TickerReset((tk))(time.Minute)",
		"ok := __gkrt.TimerReset((tm))(time.Minute)", "__gkrt.TimerStop(&(tv))()", "g := (*time.Ticker).Stop"} {
		if !strings.Contains(code, want) {
			t.Errorf("no %q in:\n%s", want, code)
		}
	}
}
