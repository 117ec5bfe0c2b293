package main

import "fmt"

func main() {
	reqs := make(chan chan string, 1)
	go func() {
		reply := <-reqs
		reply <- "pong"
	}()
	reply := make(chan string)
	reqs <- reply
	fmt.Println(<-reply)
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	inner <- 5
	cc <- inner
	fmt.Println(<-<-cc)
}
