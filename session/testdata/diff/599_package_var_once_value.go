// A package-level var initialized by sync.OnceValue (Go 1.21's idiom for
// lazily computed values): yaegi said "constant definition loop" for the
// generic call the cells run it as; the var is now declared, then
// assigned. As one cell with func main, main ran before that assignment
// (it called a nil func): main now runs after the cell's other steps.
package main

import (
	"fmt"
	"sync"
)

var calls int

var primes = sync.OnceValue(func() []int {
	calls++
	var ps []int
outer:
	for n := 2; len(ps) < 8; n++ {
		for _, p := range ps {
			if n%p == 0 {
				continue outer
			}
		}
		ps = append(ps, n)
	}
	return ps
})

var config = sync.OnceValues(func() (map[string]int, error) {
	calls++
	return map[string]int{"workers": 4}, nil
})

var greeting = sync.OnceFunc(func() { fmt.Println("hello once") })

func main() {
	fmt.Println(primes(), len(primes()))
	c, err := config()
	fmt.Println(c["workers"], err)
	greeting()
	greeting()
	fmt.Println("calls:", calls)
}
