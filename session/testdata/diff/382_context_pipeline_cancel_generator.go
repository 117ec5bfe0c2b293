package main

import (
	"context"
	"fmt"
)

func gen(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	nums := gen(ctx)
	for n := range nums {
		fmt.Println(n)
		if n == 4 {
			break
		}
	}
	cancel()
	for range nums {
	}
	fmt.Println("generator finished:", ctx.Err())
}
