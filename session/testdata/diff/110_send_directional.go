package main

import "fmt"

func producer(out chan<- int, n int) {
	for i := range n {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan<- int) {
	sum := 0
	for v := range in {
		sum += v
	}
	done <- sum
}

func main() {
	c := make(chan int)
	done := make(chan int)
	go producer(c, 5)
	go consumer(c, done)
	fmt.Println(<-done)
	var ro <-chan int = c
	fmt.Printf("%T\n", ro)
}
