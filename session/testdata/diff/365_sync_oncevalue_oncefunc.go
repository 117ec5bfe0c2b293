package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	compute := sync.OnceValue(func() int {
		calls++
		return 42
	})
	fmt.Println(compute(), compute(), calls)
	pair := sync.OnceValues(func() (string, error) {
		calls++
		return "v", nil
	})
	s, err := pair()
	s2, _ := pair()
	fmt.Println(s, err, s2, calls)
	hello := sync.OnceFunc(func() { fmt.Println("hello once") })
	hello()
	hello()
}
