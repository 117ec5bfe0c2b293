package main

import "fmt"

func main() {
	in := make(chan int, 2)
	out := make(chan int, 2)
	in <- 5
	in <- 6
	select {
	case out <- <-in * 10:
		fmt.Println("forwarded")
	}
	out <- <-in
	fmt.Println(<-out, <-out)
}
