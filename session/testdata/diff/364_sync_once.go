package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func getConfig() map[string]string {
	once.Do(func() {
		loads++
		config = map[string]string{"env": "test"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = getConfig()
		}()
	}
	wg.Wait()
	fmt.Println(getConfig()["env"], loads)
}
