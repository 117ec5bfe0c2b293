package goroutine

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCode(t *testing.T) {
	for _, k := range []Kind{Recv, Send, Select, SelectNone, Range, Lock, Wait, Sleep} {
		if pos, got := Decode(Code(700012, k)); pos != 700012 || got != k {
			t.Errorf("Decode(Code(700012, %d)) = %d, %d", k, pos, got)
		}
	}
}

// label returns the label of the goroutine that runs f (blocked in it).
func labelOf(t *testing.T, m *Marks, start func(f func())) (Label, bool) {
	t.Helper()
	ready, release, done := make(chan bool), make(chan bool), make(chan bool)
	defer func() { close(release); <-done }()
	start(func() {
		ready <- true
		<-release
		done <- true
	})
	<-ready
	for _, g := range Dump() {
		for _, f := range g.Frames {
			if strings.HasPrefix(f.Func, "gokernel/goroutine.labelOf.func") {
				return m.Label(&g)
			}
		}
	}
	t.Fatal("goroutine not found")
	return Label{}, false
}

// A goroutine started through Go has its start before it runs; At keeps
// the start, sets the code and the time; the caller's labels are put back.
func TestMarks(t *testing.T) {
	m := NewMarks()
	l, ok := labelOf(t, m, func(f func()) { m.Go("In [2], line 7", func() { go f() }) })
	if !ok || l.Started != "In [2], line 7" || l.Code != 0 || time.Since(l.Since) > 2*time.Second {
		t.Errorf("started: %+v %v", l, ok)
	}
	if p := getProfLabel(); p != nil {
		t.Errorf("the caller keeps a label: %v", p)
	}
	l, ok = labelOf(t, m, func(f func()) {
		m.Go("In [2], line 9", func() {
			go func() {
				m.At(Code(200011, Send))
				f()
			}()
		})
	})
	if pos, k := Decode(l.Code); !ok || l.Started != "In [2], line 9" || pos != 200011 || k != Send {
		t.Errorf("at: %+v", l)
	}
	// A cell's own goroutine (never started by Go) has start "".
	l, ok = labelOf(t, m, func(f func()) {
		go func() {
			m.At(Code(300001, Wait))
			f()
		}()
	})
	if !ok || l.Started != "" || l.Code != Code(300001, Wait) {
		t.Errorf("own: %+v", l)
	}
	// Labels of other Marks (a session replaced by %reset) are foreign.
	other := NewMarks()
	g := G{Labels: map[string]string{m.key: "0/0/0"}}
	if other.Foreign(&g) == false || m.Foreign(&g) {
		t.Errorf("Foreign: %v %v", other.Foreign(&g), m.Foreign(&g))
	}
	if _, ok := other.Label(&g); ok {
		t.Error("a foreign label was read")
	}
}

// The label sets are bounded: past maxSets they are made again.
func TestMarksBounded(t *testing.T) {
	m := NewMarks()
	done := make(chan bool)
	go func() {
		for i := 0; i < maxSets+10; i++ {
			m.At(Code(100000+i, Recv))
		}
		done <- true
	}()
	<-done
	if n := m.n.Load(); n > maxSets {
		t.Errorf("%d label sets kept", n)
	}
	runtime.GC()
}

func TestEnded(t *testing.T) {
	End(1001, 1002)
	if !Ended(1001) || !Ended(1002) || Ended(1003) {
		t.Error("End/Ended")
	}
	Forget([]G{{ID: 1002}})
	if Ended(1001) || !Ended(1002) {
		t.Error("Forget")
	}
	Forget(nil)
}
