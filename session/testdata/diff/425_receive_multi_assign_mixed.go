package main

import "fmt"

type P struct{ a, b int }

func main() {
	c := make(chan int, 4)
	c <- 1
	c <- 2
	c <- 3
	c <- 4
	p := &P{}
	var x int
	p.a, x = <-c, <-c
	fmt.Println(p.a, x)
	s := make([]int, 2)
	s[0], p.b = <-c, <-c
	fmt.Println(s, p.b)
}
