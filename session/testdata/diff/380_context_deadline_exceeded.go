package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err())
	fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded))
	_, has := ctx.Deadline()
	fmt.Println(has)
	_, has = context.Background().Deadline()
	fmt.Println(has)
	past, cancel2 := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel2()
	fmt.Println(past.Err())
}
