package main

import "fmt"

func chanFor(name string, v int) chan int {
	fmt.Println("evaluated", name)
	c := make(chan int, 1)
	c <- v
	return c
}

func main() {
	select {
	case v := <-chanFor("a", 1):
		fmt.Println("a", v)
	}
	ready := make(chan int, 1)
	select {
	case ready <- func() int { fmt.Println("value evaluated"); return 5 }():
		fmt.Println("sent", <-ready)
	}
}
