package main

import "fmt"

func main() {
	done := make(chan struct{})
	res := make(chan int, 1)
	go func() {
		res <- 99
		close(done)
	}()
	<-done
	_ = <-res
	fmt.Println("drained", len(res))
	c := make(chan int, 1)
	c <- 1
	<-c
	fmt.Println(len(c))
}
