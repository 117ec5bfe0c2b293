package measure

import (
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"gokernel/display"
)

// spin keeps one core busy for d.
func spin(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}

func TestCPUTimeCountsEveryThread(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("one core")
	}
	s := Time(func() {
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() { defer wg.Done(); spin(100 * time.Millisecond) }()
		}
		wg.Wait()
	})
	// Two goroutines spinning 100 ms each: ~200 ms of CPU, whatever the
	// machine did with them (two cores at once, or in turns).
	if s.CPU < 150*time.Millisecond || s.CPU > 400*time.Millisecond {
		t.Fatalf("CPU %v for two 100 ms spins (%v)", s.CPU, s)
	}
}

func TestSleepUsesNoCPU(t *testing.T) {
	s := Time(func() { time.Sleep(50 * time.Millisecond) })
	if s.Wall < 50*time.Millisecond || s.CPU > 20*time.Millisecond || s.Busy() > 0.4 {
		t.Fatalf("a 50 ms sleep: %v", s)
	}
}

func TestBestOfKeepsTheFastest(t *testing.T) {
	d := []time.Duration{60 * time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond}
	i := 0
	s := BestOf(3, func() { time.Sleep(d[i]); i++ })
	if i != 3 || s.Wall < 10*time.Millisecond || s.Wall >= 40*time.Millisecond {
		t.Fatalf("%d runs, best %v", i, s.Wall)
	}
	if n := 0; BestOf(0, func() { n++ }).Wall < 0 || n != 1 {
		t.Fatalf("BestOf(0) ran %d times", n)
	}
}

func TestBestTimedReturnsTheFastestRunsTimeline(t *testing.T) {
	run := 0
	var fastest *display.Timeline
	s := BestTimed(3, "runs", func(tl *display.Timeline) {
		run++
		d := 30 * time.Millisecond
		if run == 2 {
			d, fastest = 5*time.Millisecond, tl
		}
		defer tl.Begin("worker", "job")()
		time.Sleep(d)
	})
	if s.Timeline == nil || s.Timeline != fastest {
		t.Fatalf("the timeline of run 2 (the fastest) was not returned")
	}
	if tot := s.Timeline.Total(); tot < 5*time.Millisecond || tot > s.Wall {
		t.Fatalf("timeline total %v, wall %v", tot, s.Wall)
	}
}

func TestVerdict(t *testing.T) {
	one := Sample{Wall: 200 * time.Millisecond, CPU: 200 * time.Millisecond}
	for _, c := range []struct {
		after    Sample
		expected float64
		want     string
	}{
		{Sample{Wall: 102 * time.Millisecond, CPU: 200 * time.Millisecond}, 2, "speedup 1.96× (expected about 2×), 1.96 cores busy: as expected"},
		{Sample{Wall: 150 * time.Millisecond, CPU: 290 * time.Millisecond}, 2, "the cores worked, each more slowly"},
		{Sample{Wall: 185 * time.Millisecond, CPU: 203 * time.Millisecond}, 2, "other programs had the cores"},
		{Sample{Wall: 205 * time.Millisecond, CPU: 200 * time.Millisecond}, 1, "speedup 0.98× (expected about 1×), 0.98 cores busy: as expected"},
	} {
		if got := Verdict(one, c.after, c.expected); !strings.Contains(got, c.want) {
			t.Errorf("Verdict(%v, %v, %v) = %q, want %q", one, c.after, c.expected, got, c.want)
		}
	}
	if Speedup(one, Sample{}) != 0 {
		t.Error("speedup over a zero sample")
	}
}

func TestPeak(t *testing.T) {
	var p Peak
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			leave := p.Enter()
			<-gate
			leave()
		}()
	}
	for p.Now() < 5 {
		runtime.Gosched()
	}
	close(gate)
	wg.Wait()
	if p.Now() != 0 || p.Max() != 5 {
		t.Fatalf("now %d, max %d", p.Now(), p.Max())
	}
	p.Reset()
	if p.Max() != 0 {
		t.Fatalf("max %d after Reset", p.Max())
	}
}

func TestThreads(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc")
	}
	if n := Threads(); n < 1 {
		t.Fatalf("Threads() = %d", n)
	}
}
