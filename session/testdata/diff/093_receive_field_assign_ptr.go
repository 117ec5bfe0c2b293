package main

import "fmt"

type box struct{ n int }

func main() {
	c := make(chan int, 1)
	p := &box{}
	c <- 42
	p.n = <-c
	fmt.Println(p.n)
}
