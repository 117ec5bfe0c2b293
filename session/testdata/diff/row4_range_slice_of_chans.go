package main

import "fmt"

func main() {
	ins := []chan int{make(chan int, 1), make(chan int, 1)}
	for i, in := range ins {
		in <- i + 1
	}
	for _, in := range ins {
		fmt.Println(<-in)
	}
}
