package main

import "fmt"

func main() {
	c := make(chan string, 2)
	c <- "v1"
	c <- "v2"
	m := map[string]string{}
	m["first"] = <-c
	m["second"] = <-c
	fmt.Println(m["first"], m["second"], len(m))
	counts := map[int]int{}
	ic := make(chan int, 1)
	ic <- 5
	counts[1] += <-ic
	fmt.Println(counts)
}
