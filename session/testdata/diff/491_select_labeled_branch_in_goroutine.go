package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan int)
	go func() {
		deadline := time.After(5 * time.Millisecond)
		n := 0
	collect:
		for n < 1000 {
			select {
			case <-deadline:
				break collect
			}
		}
		done <- n
	}()
	fmt.Println("collected", <-done)
	k := 0
again:
	for k < 3 {
		k++
		select {
		default:
			continue again
		}
		k = 100
	}
	fmt.Println("k =", k)
}
