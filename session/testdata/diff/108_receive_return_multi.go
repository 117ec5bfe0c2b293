package main

import "fmt"

func recv2(c chan int) (int, bool) {
	v, ok := <-c
	return v, ok
}

func first(a, b chan string) (string, string) { return <-a, <-b }

func main() {
	c := make(chan int, 1)
	c <- 4
	close(c)
	fmt.Println(recv2(c))
	fmt.Println(recv2(c))
	a, b := make(chan string, 1), make(chan string, 1)
	a <- "A"
	b <- "B"
	x, y := first(a, b)
	fmt.Println(x, y)
}
