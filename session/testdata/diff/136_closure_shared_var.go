package main

import "fmt"

func main() {
	x := 0
	inc := func() { x++ }
	get := func() int { return x }
	inc()
	inc()
	fmt.Println(get(), x)
	x = 100
	fmt.Println(get())
	adders := make([]func(int) int, 0)
	base := 5
	adders = append(adders, func(n int) int { return n + base })
	base = 50
	fmt.Println(adders[0](1))
}
