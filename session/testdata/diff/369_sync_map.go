package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(i, i*i)
		}()
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println(v, ok)
	actual, loaded := m.LoadOrStore(3, 100)
	fmt.Println(actual, loaded)
	actual, loaded = m.LoadOrStore(7, 49)
	fmt.Println(actual, loaded)
	m.Delete(0)
	var keys []int
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	fmt.Println(keys)
}
