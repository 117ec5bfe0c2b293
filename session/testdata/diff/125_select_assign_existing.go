package main

import "fmt"

type rec struct{ v int }

func main() {
	c := make(chan int, 2)
	c <- 11
	c <- 22
	var x int
	var ok bool
	r := &rec{}
	select {
	case x, ok = <-c:
	}
	fmt.Println(x, ok)
	select {
	case r.v = <-c:
	}
	fmt.Println(r.v)
	m := map[string]int{}
	c <- 33
	select {
	case m["k"] = <-c:
	}
	fmt.Println(m)
}
