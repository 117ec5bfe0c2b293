package main

import (
	"errors"
	"fmt"
	"sync"
)

func runAll(tasks []func() error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(tasks))
	for i, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = t()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func main() {
	ok := func() error { return nil }
	fail := func(n int) func() error {
		return func() error { return fmt.Errorf("task %d failed", n) }
	}
	fmt.Println(runAll([]func() error{ok, ok}))
	fmt.Println(runAll([]func() error{ok, fail(1), ok, fail(3)}))
}
