package main

import "fmt"

func main() {
	want := make(chan int, 3)
	want <- 1
	want <- 2
	want <- 3
	x := 2
	switch x {
	case <-want:
		fmt.Println("matched first")
	case <-want:
		fmt.Println("matched second")
	case <-want:
		fmt.Println("matched third")
	}
	fmt.Println("left in channel:", len(want))
}
