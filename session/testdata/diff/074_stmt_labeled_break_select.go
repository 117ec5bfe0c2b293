package main

import "fmt"

func drain(ch chan int) int {
	total := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			total += v
		}
	}
	return total
}

func main() {
	ch := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		ch <- i
	}
	close(ch)
	fmt.Println(drain(ch))
}
