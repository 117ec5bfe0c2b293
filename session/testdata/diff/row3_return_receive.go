package main

import "fmt"

func get(ch chan int) int { return <-ch }

func main() {
	c := make(chan int, 1)
	c <- 5
	fmt.Println(get(c))
}
