package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	out := make([]string, 4)
	for i := range out {
		wg.Go(func() {
			out[i] = fmt.Sprintf("job-%d", i)
		})
	}
	wg.Wait()
	fmt.Println(out)
	var total sync.WaitGroup
	sum := make(chan int, 3)
	for _, v := range []int{1, 2, 3} {
		total.Go(func() { sum <- v * 10 })
	}
	total.Wait()
	close(sum)
	s := 0
	for v := range sum {
		s += v
	}
	fmt.Println(s)
}
