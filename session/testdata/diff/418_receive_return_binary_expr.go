package main

import "fmt"

func sum2(a, b <-chan int) int { return <-a + <-b }

func pick(c <-chan string) (string, int) {
	s := <-c
	return s, len(s)
}

func nested(c chan chan int) int { return <-<-c * 2 }

func main() {
	a, b := make(chan int, 1), make(chan int, 1)
	a <- 40
	b <- 2
	fmt.Println(sum2(a, b))
	sc := make(chan string, 1)
	sc <- "four"
	fmt.Println(pick(sc))
	cc := make(chan chan int, 1)
	inner := make(chan int, 1)
	inner <- 21
	cc <- inner
	fmt.Println(nested(cc))
}
