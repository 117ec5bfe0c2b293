package main

import "fmt"

func main() {
	c := make(chan int, 2)
	c <- 8
	c <- 9
	n := new(int)
	*n = <-c
	pp := &n
	**pp = <-c + *n
	fmt.Println(*n)
}
