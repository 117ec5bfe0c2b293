package main

import (
	"fmt"
	"sort"
	"sync"
)

// A closure made in a function and called by that function's deferred
// calls: directly, from a deferred literal, and from goroutines that a
// deferred wg.Wait waits for.

func direct() {
	cleanup := func() { fmt.Println("direct: cleanup") }
	defer cleanup()
	fmt.Println("direct: body")
}

func fromLiteral() (n int) {
	add := func(k int) { n += k }
	defer func() { add(10) }()
	add(1)
	return n
}

func waitInDefer() []int {
	var mu sync.Mutex
	var got []int
	var wg sync.WaitGroup
	defer wg.Wait()
	record := func(i int) {
		mu.Lock()
		got = append(got, i)
		mu.Unlock()
	}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			record(i)
		}()
	}
	wg.Wait()
	sort.Ints(got)
	return got
}

func twoDefers() int {
	var jobs sync.WaitGroup
	total := 0
	var mu sync.Mutex
	release := func(n int) {
		mu.Lock()
		total += n
		mu.Unlock()
	}
	for j := 1; j <= 4; j++ {
		jobs.Add(1)
		go func() {
			defer jobs.Done()
			need := j * 10
			defer release(need)
		}()
	}
	jobs.Wait()
	return total
}

func main() {
	direct()
	fmt.Println("fromLiteral:", fromLiteral())
	fmt.Println("waitInDefer:", waitInDefer())
	fmt.Println("twoDefers:", twoDefers())
	fmt.Println("twoDefers again:", twoDefers())
}
