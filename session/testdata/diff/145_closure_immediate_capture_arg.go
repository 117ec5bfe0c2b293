package main

import "fmt"

func main() {
	x := 1
	f := func(v int) func() int {
		return func() int { return v }
	}(x)
	g := func() int { return x }
	x = 2
	fmt.Println(f(), g())
}
