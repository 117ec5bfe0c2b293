package main

import (
	"fmt"
	"sync"
)

func square(n int) int { return n * n }

func main() {
	inputs := []int{3, 1, 4, 1, 5, 9}
	results := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, n := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(n)
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
