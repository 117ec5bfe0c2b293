package goroutine

import (
	"context"
	"runtime"
	"testing"
	"time"
)

func TestTimersDeadlines(t *testing.T) {
	var tm Timers
	if tm.Pending(true) {
		t.Error("pending with no timer")
	}
	c := tm.After(150 * time.Millisecond)
	if !tm.Pending(false) {
		t.Error("time.After not pending")
	}
	<-c
	time.Sleep(10 * time.Millisecond)
	if tm.Pending(true) {
		t.Error("time.After pending after it fired")
	}
	ctx, cancel := tm.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if !tm.Pending(false) {
		t.Error("context.WithTimeout not pending")
	}
	<-ctx.Done()
	time.Sleep(10 * time.Millisecond)
	if tm.Pending(true) {
		t.Error("context.WithTimeout pending after its deadline")
	}
}

// A ticker is pending while it is reachable: a dropped one is collected.
func TestTimersTicker(t *testing.T) {
	var tm Timers
	tk := tm.NewTicker(time.Hour)
	if tm.Pending(false) {
		t.Error("a ticker counts without deep")
	}
	if !tm.Pending(true) {
		t.Error("a reachable ticker is not pending")
	}
	tk.Stop()
	tk = nil
	if tm.Pending(true) {
		t.Error("an unreachable ticker is pending")
	}
	c := tm.Tick(time.Hour)
	if !tm.Pending(true) {
		t.Error("a reachable time.Tick channel is not pending")
	}
	runtime.KeepAlive(c)
}

// A timer that fired is pending again once cells reset timers.
func TestTimersReset(t *testing.T) {
	var tm Timers
	timer := tm.NewTimer(10 * time.Millisecond)
	<-timer.C
	if tm.Pending(true) {
		t.Error("a timer that fired is pending")
	}
	tm.Resets()
	if !tm.Pending(true) {
		t.Error("a reachable timer is not pending once cells reset timers")
	}
	timer.Reset(time.Millisecond)
	<-timer.C
}

func TestTimersSymbols(t *testing.T) {
	var tm Timers
	syms := tm.Symbols()
	for _, name := range []string{"After", "Tick", "NewTimer", "NewTicker", "AfterFunc"} {
		if !syms["time/time"][name].IsValid() {
			t.Errorf("time.%s missing", name)
		}
	}
	for _, name := range []string{"WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"} {
		if !syms["context/context"][name].IsValid() {
			t.Errorf("context.%s missing", name)
		}
	}
}
