package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id  int
	mu  sync.Mutex
	bal int
}

func transfer(a, b *Account, amt int) {
	first, second := a, b
	if b.id < a.id {
		first, second = b, a
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	a.bal -= amt
	b.bal += amt
}

func main() {
	x := &Account{id: 1, bal: 100}
	y := &Account{id: 2, bal: 100}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				transfer(x, y, 3)
			} else {
				transfer(y, x, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(x.bal, y.bal, x.bal+y.bal)
}
