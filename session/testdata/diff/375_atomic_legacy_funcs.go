package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var counter int32
	var ops uint64
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&counter, 1)
			atomic.AddUint64(&ops, 3)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&counter), atomic.LoadUint64(&ops))
	fmt.Println(atomic.CompareAndSwapInt32(&counter, 20, 0), counter)
	atomic.StoreInt32(&counter, -5)
	fmt.Println(atomic.LoadInt32(&counter))
}
