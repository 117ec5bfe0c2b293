package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	mu.Lock()
	fmt.Println("before start:", count)
	mu.Unlock()
	close(start)
	wg.Wait()
	fmt.Println("after:", count)
}
