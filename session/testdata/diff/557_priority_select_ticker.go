package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

type Priority int

const (
	Low Priority = iota
	High
)

func (p Priority) String() string {
	if p == High {
		return "HIGH"
	}
	return "low"
}

type Request struct {
	N    int
	Prio Priority
}

func producer(ctx context.Context, prio Priority, n int) <-chan Request {
	out := make(chan Request)
	go func() {
		defer close(out)
		for i := range n {
			select {
			case out <- Request{i, prio}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	high, low := producer(ctx, High, 3), producer(ctx, Low, 3)
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	var got []string
	for high != nil || low != nil {
		<-tick.C
		select {
		case r, ok := <-high:
			if !ok {
				high = nil
				continue
			}
			got = append(got, fmt.Sprint(r.Prio, r.N))
			continue
		default:
		}
		select {
		case r, ok := <-high:
			if !ok {
				high = nil
				continue
			}
			got = append(got, fmt.Sprint(r.Prio, r.N))
		case r, ok := <-low:
			if !ok {
				low = nil
				continue
			}
			got = append(got, fmt.Sprint(r.Prio, r.N))
		}
	}
	highs := 0
	for _, g := range got {
		if strings.HasPrefix(g, "HIGH") {
			highs++
		}
	}
	fmt.Println(len(got), highs) // which came last depends on the scheduler
	fmt.Printf("%v %s %d\n", Request{1, High}, Priority(0), High)
}
