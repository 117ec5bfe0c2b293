package main

import "fmt"

func main() {
	c := make(chan int, 3)
	fmt.Println(len(c), cap(c))
	c <- 1
	c <- 2
	fmt.Println(len(c), cap(c))
	<-c
	fmt.Println(len(c))
	var nilc chan int
	fmt.Println(len(nilc), cap(nilc), nilc == nil)
	u := make(chan int)
	fmt.Println(cap(u))
}
