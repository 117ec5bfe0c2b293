package main

import "fmt"

type F func() int

func main() {
	var fp *func() int
	f := func() int { return 7 }
	fp = &f
	fmt.Println((*fp)())
	c := (chan int)(make(chan int, 1))
	c <- 3
	fmt.Println(<-c)
	var g F = (F)(f)
	fmt.Println(g())
	x := ([]int)(nil)
	fmt.Println(x == nil)
}
