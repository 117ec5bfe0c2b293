package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Stage func(context.Context, <-chan int) <-chan int

func gen(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func mapStage(f func(int) int) Stage {
	return func(ctx context.Context, in <-chan int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for n := range in {
				select {
				case out <- f(n):
				case <-ctx.Done():
					return
				}
			}
		}()
		return out
	}
}

func merge(ctx context.Context, cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for n := range c {
				select {
				case out <- n:
				case <-ctx.Done():
					return
				}
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

type Semaphore chan struct{}

func (s Semaphore) Acquire() { s <- struct{}{} }
func (s Semaphore) Release() { <-s }

func work(ctx context.Context, id int) error {
	select {
	case <-ctx.Done():
		return fmt.Errorf("worker %d: %w", id, ctx.Err())
	case <-time.After(time.Duration(id*id*id*8) * time.Millisecond):
		if id == 3 {
			return fmt.Errorf("worker %d failed", id)
		}
		return nil
	}
}

func main() {
	ctx := context.Background()
	src := gen(ctx, 1, 2, 3, 4, 5, 6)
	sq := mapStage(func(n int) int { return n * n })
	inc := mapStage(func(n int) int { return n + 1 })
	sum := 0
	for v := range merge(ctx, inc(ctx, sq(ctx, src))) {
		sum += v
	}
	fmt.Println("sum", sum)

	sem := make(Semaphore, 2)
	var mu sync.Mutex
	maxActive, active := 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem.Acquire()
			defer sem.Release()
			mu.Lock()
			active++
			if active > maxActive {
				maxActive = active
			}
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
			mu.Lock()
			active--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("max active at most 2:", maxActive <= 2, maxActive > 0)

	ctx2, cancel := context.WithCancel(ctx)
	errc := make(chan error, 4)
	for id := 1; id <= 4; id++ {
		go func() { errc <- work(ctx2, id) }()
	}
	var first error
	for i := 0; i < 4; i++ {
		if err := <-errc; err != nil && first == nil {
			first = err
			cancel()
		}
	}
	cancel()
	fmt.Println("first error:", first)
	fmt.Println(errors.Is(first, context.Canceled))
	ctx3, cancel3 := context.WithTimeout(ctx, time.Millisecond)
	defer cancel3()
	<-ctx3.Done()
	fmt.Println(ctx3.Err(), errors.Is(ctx3.Err(), context.DeadlineExceeded))
}
