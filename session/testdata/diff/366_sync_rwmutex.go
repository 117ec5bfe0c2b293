package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[int]int
}

func (c *Cache) Get(k int) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[int]int{}}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(i, i*i)
			c.Get(i)
		}()
	}
	wg.Wait()
	sum := 0
	for i := range 10 {
		v, _ := c.Get(i)
		sum += v
	}
	fmt.Println(sum)
	_, ok := c.Get(99)
	fmt.Println(ok)
}
