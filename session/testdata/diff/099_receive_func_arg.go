package main

import "fmt"

func double(n int) int        { return n * 2 }
func join(a, b string) string { return a + "+" + b }

func main() {
	c := make(chan int, 1)
	c <- 21
	fmt.Println(double(<-c))
	s := make(chan string, 2)
	s <- "x"
	s <- "y"
	fmt.Println(join(<-s, <-s))
	c <- 3
	fmt.Println(<-c)
}
