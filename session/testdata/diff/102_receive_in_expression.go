package main

import "fmt"

func main() {
	c := make(chan int, 4)
	c <- 3
	c <- 4
	c <- 10
	c <- 1
	x := <-c*<-c + 1
	fmt.Println(x)
	if <-c > 5 {
		fmt.Println("big")
	}
	fmt.Println(<-c == 1)
}
