package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Add(2)
		}()
	}
	wg.Wait()
	fmt.Println(n.Load())
	fmt.Println(n.CompareAndSwap(100, 1), n.Load())
	fmt.Println(n.CompareAndSwap(100, 2), n.Load())
	old := n.Swap(7)
	fmt.Println(old, n.Load())
	var u atomic.Uint32
	u.Store(5)
	u.Add(^uint32(0))
	fmt.Println(u.Load())
}
