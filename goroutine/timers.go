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
// that can wake a goroutine. Its methods replace, for cells, the
// constructors of packages time and context and (through the cell
// compiler, which rewrites t.Stop and t.Reset into calls of TickerStop...)
// the methods that stop and reset timers.
type Timers struct {
	mu    sync.Mutex
	until time.Time // the last deadline of the timers nothing can stop (time.After, contexts)
	live  map[weak.Pointer[byte]]*liveTimer
}

// liveTimer is a timer that may fire while it is reachable.
type liveTimer struct {
	deadline time.Time // when a timer fires
	ticker   bool      // a ticker fires until stopped
	stopped  bool
}

// weakChan returns a weak pointer to the channel c (to the runtime's
// channel object: it lives as long as the channel is reachable).
func weakChan(c any) weak.Pointer[byte] {
	return weak.Make((*byte)(reflect.ValueOf(c).UnsafePointer()))
}

// timerKey returns the weak pointer a Timer is kept under: its channel, or
// the Timer itself for time.AfterFunc's (which have none).
func timerKey(t *time.Timer) weak.Pointer[byte] {
	if t.C != nil {
		return weakChan(t.C)
	}
	return weak.Make((*byte)(reflect.ValueOf(t).UnsafePointer()))
}

// put records (or updates) the timer kept under ref.
func (t *Timers) put(ref weak.Pointer[byte], lt liveTimer) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.live == nil {
		t.live = map[weak.Pointer[byte]]*liveTimer{}
	}
	t.live[ref] = &lt
}

// stop notes that the timer kept under ref was stopped.
func (t *Timers) stop(ref weak.Pointer[byte]) {
	t.mu.Lock()
	if lt := t.live[ref]; lt != nil {
		lt.stopped = true
	}
	t.mu.Unlock()
}

// deadline notes a timer nothing can stop.
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
		t.put(weakChan(c), liveTimer{ticker: true})
	}
	return c
}

// NewTimer is time.NewTimer.
func (t *Timers) NewTimer(d time.Duration) *time.Timer {
	tm := time.NewTimer(d)
	t.put(timerKey(tm), liveTimer{deadline: time.Now().Add(d)})
	return tm
}

// AfterFunc is time.AfterFunc.
func (t *Timers) AfterFunc(d time.Duration, f func()) *time.Timer {
	tm := time.AfterFunc(d, f)
	t.put(timerKey(tm), liveTimer{deadline: time.Now().Add(d)})
	return tm
}

// NewTicker is time.NewTicker.
func (t *Timers) NewTicker(d time.Duration) *time.Ticker {
	tk := time.NewTicker(d)
	t.put(weakChan(tk.C), liveTimer{ticker: true})
	return tk
}

// TickerStop is tk.Stop (the method value: the cell compiler rewrites
// tk.Stop into TickerStop(tk)).
func (t *Timers) TickerStop(tk *time.Ticker) func() {
	return func() {
		tk.Stop()
		t.stop(weakChan(tk.C))
	}
}

// TickerReset is tk.Reset.
func (t *Timers) TickerReset(tk *time.Ticker) func(time.Duration) {
	return func(d time.Duration) {
		tk.Reset(d)
		t.put(weakChan(tk.C), liveTimer{ticker: true})
	}
}

// TimerStop is tm.Stop.
func (t *Timers) TimerStop(tm *time.Timer) func() bool {
	return func() bool {
		active := tm.Stop()
		t.stop(timerKey(tm))
		return active
	}
}

// TimerReset is tm.Reset.
func (t *Timers) TimerReset(tm *time.Timer) func(time.Duration) bool {
	return func(d time.Duration) bool {
		active := tm.Reset(d)
		t.put(timerKey(tm), liveTimer{deadline: time.Now().Add(d)})
		return active
	}
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

// Pending reports whether a timer of the cells may still fire: one that
// nothing can stop (time.After, a context's deadline) not passed yet or,
// with deep, a timer or ticker not stopped and still reachable. deep runs
// the garbage collector first, so that unreachable timers are seen as gone
// (Go 1.23 collects them), and forgets the timers that are gone or done.
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
	pending := false
	for ref, lt := range t.live {
		switch {
		case ref.Value() == nil || !lt.ticker && !now.Before(lt.deadline):
			delete(t.live, ref) // gone, or fired (a Reset puts it back)
		case !lt.stopped:
			pending = true
		}
	}
	return pending
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

// Methods returns the host functions the cell compiler's rewrites of
// t.Stop and t.Reset call, by the names it uses (see TimerMethods).
func (t *Timers) Methods() map[string]reflect.Value {
	return map[string]reflect.Value{
		"TickerStop": reflect.ValueOf(t.TickerStop), "TickerReset": reflect.ValueOf(t.TickerReset),
		"TimerStop": reflect.ValueOf(t.TimerStop), "TimerReset": reflect.ValueOf(t.TimerReset),
	}
}

// TimerMethods maps the methods that stop and reset timers to the names of
// their replacements in the cells' runtime (Methods).
var TimerMethods = map[string]string{
	"(*time.Ticker).Stop": "TickerStop", "(*time.Ticker).Reset": "TickerReset",
	"(*time.Timer).Stop": "TimerStop", "(*time.Timer).Reset": "TimerReset",
}
