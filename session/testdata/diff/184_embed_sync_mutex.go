package main

import (
	"fmt"
	"sync"
)

type SafeMap struct {
	sync.Mutex
	m map[string]int
}

func (s *SafeMap) Inc(k string) {
	s.Lock()
	defer s.Unlock()
	s.m[k]++
}

func main() {
	s := SafeMap{m: map[string]int{}}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Inc("hits")
		}()
	}
	wg.Wait()
	fmt.Println(s.m["hits"])
}
