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

// Stop and Reset, through the replacements of the methods, are seen.
func TestTimersStopReset(t *testing.T) {
	var tm Timers
	tk := tm.NewTicker(time.Hour)
	tm.TickerStop(tk)()
	if tm.Pending(true) {
		t.Error("a stopped ticker is pending")
	}
	tm.TickerReset(tk)(time.Hour)
	if !tm.Pending(true) {
		t.Error("a reset ticker is not pending")
	}
	tm.TickerStop(tk)()
	timer := tm.NewTimer(10 * time.Millisecond)
	<-timer.C
	if tm.Pending(true) {
		t.Error("a timer that fired is pending")
	}
	if tm.TimerReset(timer)(time.Hour) || !tm.Pending(true) {
		t.Error("a reset timer is not pending")
	}
	if !tm.TimerStop(timer)() || tm.Pending(true) {
		t.Error("a stopped timer is pending")
	}
	af := tm.AfterFunc(time.Hour, func() {})
	if !tm.Pending(true) {
		t.Error("an AfterFunc timer is not pending")
	}
	tm.TimerStop(af)()
	if tm.Pending(true) {
		t.Error("a stopped AfterFunc timer is pending")
	}
	runtime.KeepAlive(tk)
	runtime.KeepAlive(timer)
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
	for _, name := range TimerMethods {
		if !tm.Methods()[name].IsValid() {
			t.Errorf("%s missing", name)
		}
	}
}
