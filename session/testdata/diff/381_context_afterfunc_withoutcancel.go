package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string, 1)
	stop := context.AfterFunc(ctx, func() { done <- "after func ran" })
	_ = stop
	detached := context.WithoutCancel(ctx)
	cancel()
	fmt.Println(<-done)
	fmt.Println(ctx.Err(), detached.Err())
	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { fmt.Println("never") })
	fmt.Println("stopped:", stop2())
	cancel2()
}
