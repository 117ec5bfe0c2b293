package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ Version int }

func main() {
	var flag atomic.Bool
	fmt.Println(flag.Load())
	flag.Store(true)
	fmt.Println(flag.Swap(false), flag.Load())
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	p.Store(&Config{1})
	old := p.Swap(&Config{2})
	fmt.Println(old.Version, p.Load().Version)
	var v atomic.Value
	v.Store("first")
	fmt.Println(v.Load().(string))
	v.Store("second")
	fmt.Println(v.Load())
}
