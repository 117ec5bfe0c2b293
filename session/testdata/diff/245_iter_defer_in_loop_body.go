package main

import (
	"fmt"
	"slices"
)

func run() {
	for v := range slices.Values([]int{1, 2, 3}) {
		defer fmt.Println("deferred", v)
	}
	fmt.Println("run body end")
}

func main() {
	run()
	fmt.Println("main end")
}
