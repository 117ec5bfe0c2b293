package main

import "fmt"

type rec struct {
	name string
	vals []int
	tags map[string]int
}

func main() {
	c := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		c <- i
	}
	rs := []rec{{name: "r0", vals: make([]int, 2), tags: map[string]int{}}}
	rs[0].vals[1] = <-c
	rs[0].tags["t"] = <-c
	p := &rs[0]
	(*p).vals[0] = <-c
	p.tags["u"] = <-c
	pp := &p
	(*pp).name = fmt.Sprint("r", <-c)
	fmt.Println(rs[0].name, rs[0].vals, rs[0].tags)
}
