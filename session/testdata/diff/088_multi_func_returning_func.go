package main

import "fmt"

func makePair() (func() int, func(int)) {
	v := 0
	return func() int { return v }, func(n int) { v = n }
}

func main() {
	get, set := makePair()
	fmt.Println(get())
	set(42)
	fmt.Println(get())
	g2, _ := makePair()
	fmt.Println(g2())
}
