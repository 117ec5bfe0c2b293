package schedtrace

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// record traces a cell as the worker does: the test goroutine is the root,
// cell runs on a goroutine of its own (the "main" one, started in
// runMain), and a goroutine the root starts elsewhere is not the cell's.
func record(t *testing.T, cell func()) *Trace {
	t.Helper()
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		t.Fatal(err)
	}
	Mark(Begin)
	stray := make(chan bool)
	go func() { <-stray }() // the root's, not running cell code: never a row
	done := make(chan bool)
	go runMain(cell, done)
	<-done
	close(stray)
	Mark(End)
	trace.Stop()
	t0 := time.Now()
	defer func() { readTook = time.Since(t0) }()
	tr, err := Read(&buf, Options{Main: func(fn string) bool { return strings.Contains(fn, "runMain") }})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// readTook is how long the last Read of record took.
var readTook time.Duration

// runMain runs a cell's code: the "interpreter's" goroutine.
func runMain(cell func(), done chan bool) {
	cell()
	done <- true
}

// start starts f as a cell's go statement does.
func start(where string, f func()) {
	go func() {
		LabelGoroutine(where)
		f()
	}()
}

var sink int

// work keeps a core busy for about n milliseconds of CPU (calibrated once).
func work(n int) {
	x := 0
	for i := 0; i < n*perMilli; i++ {
		x += i * i
	}
	sink += x
}

var perMilli = func() int {
	t0 := time.Now()
	x := 0
	for i := 0; i < 10_000_000; i++ {
		x += i * i
	}
	sink += x
	return int(10_000_000 / max(time.Since(t0).Seconds()*1000, 0.001))
}()

// twoSpinners is the cell of the issue: two goroutines busy on the CPU.
func twoSpinners() {
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		start("In [1], line "+strconv.Itoa(4+i), func() { defer wg.Done(); work(40) })
	}
	wg.Wait()
}

func busyProcs(tr *Trace) int {
	n := 0
	for _, p := range tr.Procs {
		if float64(p.Busy()) > 0.25*float64(tr.Wall) {
			n++
		}
	}
	return n
}

func TestConcurrencyAndParallelism(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2} {
		if procs > runtime.NumCPU() {
			t.Skip("one CPU")
		}
		runtime.GOMAXPROCS(procs)
		// The busiest of three recordings: other programs on a shared
		// machine can only take cores away from one.
		tr := record(t, twoSpinners)
		for try := 0; try < 2 && tr.Summarize().Busy < 0.75*float64(procs); try++ {
			tr = record(t, twoSpinners)
		}
		var labels []string
		mains := 0
		for _, g := range tr.Goroutines {
			if g.Main {
				mains++
			} else {
				labels = append(labels, g.Label)
			}
		}
		if mains != 1 || strings.Join(labels, "|") != "In [1], line 4|In [1], line 5" {
			t.Fatalf("GOMAXPROCS %d: %d main goroutines, others %q", procs, mains, labels)
		}
		s := tr.Summarize()
		if busyProcs(tr) != procs || s.Started != 2 || s.MaxRunning != procs || s.GOMAXPROCS != procs {
			t.Errorf("GOMAXPROCS %d: %d busy procs, summary %+v", procs, busyProcs(tr), s)
		}
		// Two goroutines of about 40 ms of CPU each: 80 ms of CPU, in 80 ms
		// of wall on one core, 40 on two.
		if s.CPU < 30*time.Millisecond || s.Busy < 0.75*float64(procs) || s.Busy > float64(procs)+0.05 {
			t.Errorf("GOMAXPROCS %d: CPU %v, busy %.2f", procs, s.CPU, s.Busy)
		}
		// On one core, the goroutines took turns: each waited for the core
		// (was runnable) at some time, and together they waited a good part
		// of the recording. (Not 10 ms each: when the machine takes the
		// thread away, the running goroutine stays "running" in the trace
		// and the other one's wait is shorter; CI saw 7.5 ms.)
		if procs == 1 {
			var waited time.Duration
			for _, g := range tr.Goroutines {
				if !g.Main {
					if g.Time(Runnable) < time.Millisecond {
						t.Errorf("one core: g%d waited %v for it", g.ID, g.Time(Runnable))
					}
					waited += g.Time(Runnable)
				}
			}
			if waited < 10*time.Millisecond {
				t.Errorf("one core: the goroutines waited %v in all for it", waited)
			}
		}
		svg := SVG(tr, DrawOptions{Title: "test", Cell: "In [1]"})
		checkSVG(t, svg)
		if n := len(regexp.MustCompile(`data-proc="\d+"`).FindAllString(svg, -1)); n < procs {
			t.Errorf("%d processor rows", n)
		}
		if !strings.Contains(svg, ">g") || !strings.Contains(svg, "line 4") || !strings.Contains(svg, "main (the cell)") {
			t.Errorf("rows missing:\n%s", svg)
		}
		text := Text(tr, DrawOptions{Title: "test"})
		if !strings.Contains(text, "2 goroutines started") || !strings.Contains(text, "P0: ") {
			t.Errorf("text:\n%s", text)
		}
	}
}

func TestBlockedStates(t *testing.T) {
	tr := record(t, func() {
		var mu sync.Mutex
		ch := make(chan int)
		var wg sync.WaitGroup
		wg.Add(3)
		mu.Lock()
		start("In [2], line 1", func() { defer wg.Done(); <-ch })
		start("In [2], line 2", func() { defer wg.Done(); mu.Lock(); mu.Unlock() })
		start("In [2], line 3", func() { defer wg.Done(); time.Sleep(20 * time.Millisecond) })
		time.Sleep(10 * time.Millisecond)
		ch <- 1
		mu.Unlock()
		wg.Wait()
	})
	want := map[string]State{"In [2], line 1": Chan, "In [2], line 2": Sync, "In [2], line 3": Sleep}
	for _, g := range tr.Goroutines {
		if s, ok := want[g.Label]; ok {
			if g.Time(s) < 5*time.Millisecond {
				t.Errorf("%s: %v in state %v; spans %+v", g.Label, g.Time(s), s, g.Spans)
			}
			delete(want, g.Label)
		}
	}
	if len(want) > 0 {
		t.Errorf("goroutines not found: %v", want)
	}
	svg := SVG(tr, DrawOptions{Title: "blocked"})
	checkSVG(t, svg)
	for _, s := range []State{Chan, Sync, Sleep} {
		if !strings.Contains(svg, stateColors[s]) || !strings.Contains(svg, ">"+esc(s.String())+"<") {
			t.Errorf("no %v in the picture or its legend", s)
		}
	}
}

// Ten thousand goroutines: rows per starting line, drawn from the grid.
func TestManyGoroutines(t *testing.T) {
	tr := record(t, func() {
		var wg sync.WaitGroup
		for i := range 10000 {
			wg.Add(1)
			start("In [3], line "+strconv.Itoa(2+i%2), func() { defer wg.Done(); time.Sleep(time.Millisecond) })
		}
		wg.Wait()
	})
	t0 := time.Now()
	svg := SVG(tr, DrawOptions{Title: "many", Cell: "In [3]"})
	draw := time.Since(t0)
	checkSVG(t, svg)
	if s := tr.Summarize(); s.Started != 10000 {
		t.Fatalf("started %d", s.Started)
	}
	groups := regexp.MustCompile(`data-count="(\d+)"`).FindAllStringSubmatch(svg, -1)
	if len(groups) != 3 || groups[1][1] != "5000" || groups[2][1] != "5000" || !strings.Contains(svg, "5,000 × line 3") {
		t.Errorf("rows %v", groups)
	}
	t.Logf("%d events read in %v; SVG of 10,000 goroutines: %d KB, drawn in %v", tr.Events, readTook, len(svg)/1000, draw)
	if readTook+draw > 5*time.Second {
		t.Errorf("read and drawn in %v", readTook+draw)
	}
	if len(svg) > 400_000 {
		t.Errorf("the picture is %d bytes", len(svg))
	}
}

// checkSVG fails unless svg is well-formed XML.
// With GOKERNEL_SVG_DIR set, the pictures are written there to look at.
func checkSVG(t *testing.T, svg string) {
	t.Helper()
	if dir := os.Getenv("GOKERNEL_SVG_DIR"); dir != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
		_ = os.WriteFile(fmt.Sprintf("%s/%s-%d.svg", dir, name, len(svg)), []byte(svg), 0o644)
	}
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("bad SVG: %v", err)
			}
			return
		}
	}
}

func TestHelpers(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0 s", 1500 * time.Microsecond: "1.5 ms", 1020 * time.Millisecond: "1.02 s", 123456: "123 µs"} {
		if got := fmtDur(d); got != want {
			t.Errorf("fmtDur(%v) = %q, want %q", d, got, want)
		}
	}
	if count(10000) != "10,000" || count(999) != "999" {
		t.Error(count(10000), count(999))
	}
	g := newGrid(10, 2, 10*time.Millisecond)
	g.add(0, 2400*time.Microsecond, 1)
	g.add(2400*time.Microsecond, 10*time.Millisecond, 0)
	if rs := g.runs(); len(rs) != 2 || rs[0] != (run{0, 2, 1}) || rs[1] != (run{2, 10, 0}) {
		t.Errorf("runs %v", rs)
	}
	tr := &Trace{Wall: 50, Goroutines: []*Goroutine{
		{Main: true, Created: 10, Spans: []Span{{10, 20, Running}}},
		{Main: true, Created: 30, Spans: []Span{{30, 35, Runnable}, {35, 40, Running}}},
		{Created: 12, Spans: []Span{{12, 48, Sleep}}},
	}}
	if got := preparing(tr); len(got) != 3 || got[0] != (Interval{0, 10}) || got[1] != (Interval{20, 30}) || got[2] != (Interval{40, 50}) {
		t.Errorf("preparing %v", got)
	}
	if got := mergeIntervals([]Interval{{5, 8}, {1, 3}, {2, 4}}); len(got) != 2 || got[0] != (Interval{1, 4}) {
		t.Errorf("merge %v", got)
	}
}
