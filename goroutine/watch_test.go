package goroutine

import (
	"sync/atomic"
	"testing"
	"time"
)

// The watchdog looks while a cell runs, not before nor after, and not
// while the process computes.
func TestWatchdog(t *testing.T) {
	var looks atomic.Int64
	w := &Watchdog{Interval: 20 * time.Millisecond, Look: func() { looks.Add(1) }}
	w.Begin()
	w.End()
	time.Sleep(100 * time.Millisecond)
	if n := looks.Load(); n > 1 {
		t.Errorf("%d looks with no cell running", n)
	}
	w.Begin()
	time.Sleep(200 * time.Millisecond)
	if n := looks.Load(); n < 3 {
		t.Errorf("%d looks in 200 ms of a cell", n)
	}
	// busy: a core spinning
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
		}
	}()
	time.Sleep(30 * time.Millisecond)
	before := looks.Load()
	time.Sleep(200 * time.Millisecond)
	close(stop)
	if n := looks.Load() - before; n > 2 {
		t.Errorf("%d looks while the process computed", n)
	}
	w.End()
	time.Sleep(50 * time.Millisecond)
	before = looks.Load()
	time.Sleep(100 * time.Millisecond)
	if n := looks.Load() - before; n != 0 {
		t.Errorf("%d looks after the cell ended", n)
	}
}
