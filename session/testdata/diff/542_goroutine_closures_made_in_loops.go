package main

// Closures made by a loop and run on other goroutines while the loop
// goes on making the next ones (yaegi once handed out an earlier
// iteration's closure, or nil, when one returned at that moment).

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var started atomic.Int64
	for range 3000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("goroutines:", started.Load())

	// A pool of workers running the closures sent on a channel.
	tasks := make(chan func() int)
	results := make(chan int)
	for range 4 {
		go func() {
			for t := range tasks {
				results <- t()
			}
		}()
	}
	go func() {
		for i := range 3000 {
			tasks <- func() int { return i }
		}
		close(tasks)
	}()
	seen := make(map[int]bool)
	sum := 0
	for range 3000 {
		v := <-results
		seen[v] = true
		sum += v
	}
	fmt.Println("tasks:", len(seen), sum)

	// WaitGroup.Go (Go 1.25) with a closure per iteration.
	var total atomic.Int64
	for i := range 2000 {
		wg.Go(func() { total.Add(int64(i)) })
	}
	wg.Wait()
	fmt.Println("wg.Go:", total.Load())

	// Funcs collected in a slice, then started.
	var fs []func()
	var hits [100]atomic.Int32
	for i := range 100 {
		fs = append(fs, func() { hits[i].Add(1) })
	}
	for range 20 {
		for _, f := range fs {
			wg.Add(1)
			go func() { defer wg.Done(); f() }()
		}
	}
	wg.Wait()
	bad := 0
	for i := range hits {
		if hits[i].Load() != 20 {
			bad++
		}
	}
	fmt.Println("slice of funcs, wrong counts:", bad)
}
