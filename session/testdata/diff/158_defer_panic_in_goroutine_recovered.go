package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	errs := make([]string, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Sprint(r)
				}
			}()
			if i == 1 {
				panic(fmt.Sprintf("worker %d failed", i))
			}
			errs[i] = "ok"
		}()
	}
	wg.Wait()
	fmt.Println(errs)
}
