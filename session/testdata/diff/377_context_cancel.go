package main

import (
	"context"
	"errors"
	"fmt"
)

func worker(ctx context.Context, in <-chan int, out chan<- int) {
	defer close(out)
	for {
		select {
		case <-ctx.Done():
			return
		case v, ok := <-in:
			if !ok {
				return
			}
			out <- v * 2
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan int)
	out := make(chan int)
	go worker(ctx, in, out)
	for i := 1; i <= 3; i++ {
		in <- i
		fmt.Println(<-out)
	}
	cancel()
	_, ok := <-out
	fmt.Println("out open:", ok)
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
}
