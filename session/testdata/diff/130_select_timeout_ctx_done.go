package main

import (
	"context"
	"fmt"
)

func wait(ctx context.Context, c chan int) (int, error) {
	select {
	case v := <-c:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	c := make(chan int, 1)
	c <- 7
	fmt.Println(wait(context.Background(), c))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(wait(ctx, c))
}
