package main

import (
	"fmt"
	"sync"
)

type slot struct{ v int }

func main() {
	c := make(chan int)
	slots := []*slot{{}, {}, {}}
	var wg sync.WaitGroup
	for _, s := range slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.v = <-c
		}()
	}
	for i := range 3 {
		c <- 10
		_ = i
	}
	wg.Wait()
	fmt.Println(slots[0].v + slots[1].v + slots[2].v)
}
