package main

import "fmt"

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	s := make([]int, 3)
	s[2] = <-c
	s[0] = <-c
	var arr [2]int
	arr[1] = <-c
	fmt.Println(s, arr)
}
