package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Account struct {
	ID      string
	mu      sync.Mutex
	balance int64
}

func (a *Account) Deposit(n int64) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *Account) Balance() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

type Counter interface {
	Inc()
	Value() int64
}

type atomicCounter struct{ n atomic.Int64 }

func (c *atomicCounter) Inc()         { c.n.Add(1) }
func (c *atomicCounter) Value() int64 { return c.n.Load() }

type mutexCounter struct {
	sync.Mutex
	n int64
}

func (c *mutexCounter) Inc() {
	c.Lock()
	c.n++
	c.Unlock()
}
func (c *mutexCounter) Value() int64 {
	c.Lock()
	defer c.Unlock()
	return c.n
}

func hammer(c Counter, workers, each int) int64 {
	var wg sync.WaitGroup
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go func() {
			defer wg.Done()
			for j := 0; j < each; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	return c.Value()
}

func main() {
	counters := map[string]Counter{
		"atomic": &atomicCounter{},
		"mutex":  &mutexCounter{},
	}
	for _, name := range []string{"atomic", "mutex"} {
		fmt.Printf("%-6s %d %T\n", name, hammer(counters[name], 4, 2500), counters[name])
	}
	acct := &Account{ID: "acc-1"}
	var wg sync.WaitGroup
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(n int64) {
			defer wg.Done()
			acct.Deposit(n)
		}(int64(i))
	}
	wg.Wait()
	fmt.Println(acct.ID, acct.Balance())

	var once sync.Once
	var initCount int32
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { atomic.AddInt32(&initCount, 1) })
		}()
	}
	wg.Wait()
	fmt.Println("init ran", atomic.LoadInt32(&initCount), "time(s)")

	var rw sync.RWMutex
	cache := map[int]int{}
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			rw.Lock()
			cache[k%4] += k
			rw.Unlock()
		}(i)
	}
	wg.Wait()
	rw.RLock()
	fmt.Println(cache)
	rw.RUnlock()
	var v atomic.Value
	v.Store([]string{"a", "b"})
	fmt.Println(v.Load().([]string), len(v.Load().([]string)))
	var flag atomic.Bool
	fmt.Println(flag.CompareAndSwap(false, true), flag.Load(), flag.Swap(false))
}
