package main

import "fmt"

func main() {
	c := make(chan bool, 4)
	c <- true
	c <- true
	c <- true
	c <- false
	n := 0
	for <-c {
		n++
	}
	fmt.Println("iterations", n)
	vals := make(chan int, 3)
	vals <- 5
	vals <- 6
	vals <- 0
	for v := <-vals; v != 0; v = <-vals {
		fmt.Println("v", v)
	}
}
