package main

import (
	"fmt"
	"sync"
)

type Collector struct {
	mu  sync.Mutex
	got map[int]bool
	wg  sync.WaitGroup
}

func (c *Collector) Record(n int) {
	defer c.wg.Done()
	c.mu.Lock()
	c.got[n] = true
	c.mu.Unlock()
}

func main() {
	c := &Collector{got: map[int]bool{}}
	rec := c.Record
	for i := range 5 {
		c.wg.Add(1)
		go rec(i)
	}
	c.wg.Add(1)
	go c.Record(99)
	c.wg.Wait()
	fmt.Println(len(c.got), c.got[0], c.got[4], c.got[99])
}
