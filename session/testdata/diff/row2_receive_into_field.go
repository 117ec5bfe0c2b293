package main

import "fmt"

type P struct{ n int }

func main() {
	p := &P{}
	c := make(chan int, 1)
	c <- 9
	p.n = <-c
	fmt.Println(p.n)
}
