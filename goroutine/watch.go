package goroutine

import (
	"runtime"
	"sync"
	"syscall"
	"time"
)

// Watchdog calls Look on a goroutine of its own while cells run, every
// Interval, and not at all while none runs. It skips a turn when the
// process spent more than a quarter of a core computing since the last
// one: something runs, so nothing is deadlocked, and a look (which stops
// the world for the dump) would only slow it down. With many goroutines
// it looks less often (a dump of 10,000 costs about 80 ms): every
// Interval per 500 goroutines, at most every 25 Intervals.
type Watchdog struct {
	Interval time.Duration
	Look     func()

	mu      sync.Mutex
	running int
	wake    chan struct{}
}

// Begin notes that a cell starts running.
func (w *Watchdog) Begin() {
	w.mu.Lock()
	w.running++
	if w.wake == nil {
		w.wake = make(chan struct{}, 1)
		go w.loop()
	}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// End notes that a cell ended.
func (w *Watchdog) End() {
	w.mu.Lock()
	w.running--
	w.mu.Unlock()
}

func (w *Watchdog) active() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.running > 0
}

func (w *Watchdog) loop() {
	t := time.NewTimer(w.Interval)
	t.Stop()
	for {
		if !w.active() {
			<-w.wake
			continue
		}
		cpu := cpuTime()
		wait := w.Interval * time.Duration(min(max(1, runtime.NumGoroutine()/500), 25))
		t.Reset(wait)
		<-t.C
		if !w.active() || cpuTime()-cpu > wait/4 {
			continue
		}
		w.Look()
	}
}

// cpuTime returns the CPU time the process has used (not its children).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
