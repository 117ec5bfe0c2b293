package main

import "fmt"

func get(ch chan int) int { return <-ch }

func main() {
	ch := make(chan int, 2)
	ch <- 10
	ch <- 20
	fmt.Println(get(ch))
	fmt.Println(get(ch))
}
