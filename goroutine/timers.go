package goroutine

import (
	"context"
	"reflect"
	"runtime"
	"sync"
	"time"
	"weak"
)

// Timers keeps the timers cells make, so that a channel a timer will send
// on (time.After, a Ticker's C, a context's deadline) counts as something
// that can wake a goroutine. Its methods replace the constructors of
// packages time and context for cells.
type Timers struct {
	mu    sync.Mutex
	until time.Time // the last deadline of one-shot timers
	live  []liveTimer
	reset bool // a cell calls Timer.Reset: a timer may fire again later
}

// liveTimer is a timer that may fire while it is reachable.
type liveTimer struct {
	ref      weak.Pointer[byte] // its channel (or its Timer, for AfterFunc)
	deadline time.Time          // zero for a ticker
}

// maxLive bounds the timers kept before dead ones are dropped.
const maxLive = 1024

// weakChan returns a weak pointer to the channel c (to the runtime's
// channel object: it lives as long as the channel is reachable).
func weakChan(c any) weak.Pointer[byte] {
	return weak.Make((*byte)(reflect.ValueOf(c).UnsafePointer()))
}

func (t *Timers) add(ref weak.Pointer[byte], deadline time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if deadline.After(t.until) {
		t.until = deadline
	}
	if len(t.live) >= maxLive {
		kept := t.live[:0]
		now := time.Now()
		for _, l := range t.live {
			if l.ref.Value() != nil && (l.deadline.IsZero() || l.deadline.After(now) || t.reset) {
				kept = append(kept, l)
			}
		}
		t.live = kept
	}
	t.live = append(t.live, liveTimer{ref, deadline})
}

// deadline notes a one-shot timer.
func (t *Timers) deadline(d time.Time) {
	t.mu.Lock()
	if d.After(t.until) {
		t.until = d
	}
	t.mu.Unlock()
}

// After is time.After.
func (t *Timers) After(d time.Duration) <-chan time.Time {
	t.deadline(time.Now().Add(d))
	return time.After(d)
}

// Tick is time.Tick.
func (t *Timers) Tick(d time.Duration) <-chan time.Time {
	c := time.Tick(d)
	if c != nil {
		t.add(weakChan(c), time.Time{})
	}
	return c
}

// NewTimer is time.NewTimer.
func (t *Timers) NewTimer(d time.Duration) *time.Timer {
	tm := time.NewTimer(d)
	t.add(weakChan(tm.C), time.Now().Add(d))
	return tm
}

// NewTicker is time.NewTicker.
func (t *Timers) NewTicker(d time.Duration) *time.Ticker {
	tk := time.NewTicker(d)
	t.add(weakChan(tk.C), time.Time{})
	return tk
}

// AfterFunc is time.AfterFunc.
func (t *Timers) AfterFunc(d time.Duration, f func()) *time.Timer {
	tm := time.AfterFunc(d, f)
	t.add(weak.Make((*byte)(reflect.ValueOf(tm).UnsafePointer())), time.Now().Add(d))
	return tm
}

// WithTimeout is context.WithTimeout.
func (t *Timers) WithTimeout(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	t.deadline(time.Now().Add(d))
	return context.WithTimeout(parent, d)
}

// WithDeadline is context.WithDeadline.
func (t *Timers) WithDeadline(parent context.Context, d time.Time) (context.Context, context.CancelFunc) {
	t.deadline(d)
	return context.WithDeadline(parent, d)
}

// WithTimeoutCause is context.WithTimeoutCause.
func (t *Timers) WithTimeoutCause(parent context.Context, d time.Duration, cause error) (context.Context, context.CancelFunc) {
	t.deadline(time.Now().Add(d))
	return context.WithTimeoutCause(parent, d, cause)
}

// WithDeadlineCause is context.WithDeadlineCause.
func (t *Timers) WithDeadlineCause(parent context.Context, d time.Time, cause error) (context.Context, context.CancelFunc) {
	t.deadline(d)
	return context.WithDeadlineCause(parent, d, cause)
}

// Resets notes that cells reset timers (Timer.Reset, Ticker.Reset): a
// timer that fired or was stopped may then fire again while it is
// reachable.
func (t *Timers) Resets() {
	t.mu.Lock()
	t.reset = true
	t.mu.Unlock()
}

// Pending reports whether a timer of the cells may still fire: a one-shot
// deadline not passed yet or, with deep, a ticker (or, once cells reset
// timers, a timer) still reachable. deep runs the garbage collector first,
// so that unreachable timers are seen as gone (Go 1.23 collects them).
func (t *Timers) Pending(deep bool) bool {
	t.mu.Lock()
	now := time.Now()
	if now.Before(t.until) {
		t.mu.Unlock()
		return true
	}
	n := len(t.live)
	t.mu.Unlock()
	if n == 0 || !deep {
		return false
	}
	runtime.GC()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, l := range t.live {
		if l.ref.Value() != nil && (l.deadline.IsZero() || t.reset || l.deadline.After(now)) {
			return true
		}
	}
	return false
}

// Symbols returns the replacements of the constructors, keyed as yaegi's
// symbol tables are ("time/time").
func (t *Timers) Symbols() map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		"time/time": {
			"After": reflect.ValueOf(t.After), "Tick": reflect.ValueOf(t.Tick),
			"NewTimer": reflect.ValueOf(t.NewTimer), "NewTicker": reflect.ValueOf(t.NewTicker),
			"AfterFunc": reflect.ValueOf(t.AfterFunc),
		},
		"context/context": {
			"WithTimeout": reflect.ValueOf(t.WithTimeout), "WithDeadline": reflect.ValueOf(t.WithDeadline),
			"WithTimeoutCause": reflect.ValueOf(t.WithTimeoutCause), "WithDeadlineCause": reflect.ValueOf(t.WithDeadlineCause),
		},
	}
}
