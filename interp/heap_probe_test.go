package interp

import (
	"context"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestHeapProbe(t *testing.T) {
	var m runtime.MemStats
	s, _ := NewSession(Options{Stdout: os.Stdout, Stderr: os.Stderr})
	s.Execute(context.Background(), 1, "x := 1")
	runtime.GC()
	runtime.ReadMemStats(&m)
	t.Logf("after session: heap %d KB, stacks %d KB, sys %d KB, gc %d", m.HeapAlloc>>10, m.StackInuse>>10, m.Sys>>10, m.NumGC)
	var maxG atomic.Int64
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			if n := int64(runtime.NumGoroutine()); n > maxG.Load() {
				maxG.Store(n)
			}
			time.Sleep(100 * time.Microsecond)
		}
	}()
	t0 := time.Now()
	_, err := s.Execute(context.Background(), 2, "var wg sync.WaitGroup\nfor i := 0; i < 10000; i++ { wg.Add(1); go func() { wg.Done() }() }\nwg.Wait()")
	close(done)
	runtime.ReadMemStats(&m)
	t.Logf("spawn %v err %v: max goroutines %d heapinuse %d KB, stacks %d KB, sys %d KB, gc %d", time.Since(t0), err, maxG.Load(), m.HeapInuse>>10, m.StackInuse>>10, m.Sys>>10, m.NumGC)
}
