package main

import "fmt"

func main() {
	c := make(chan float64, 3)
	c <- 1.5
	c <- 2.5
	c <- 3.5
	var a = <-c
	var b float64 = <-c
	var d, ok = <-c
	fmt.Println(a, b, d, ok)
}
