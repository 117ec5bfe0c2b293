package main

import "fmt"

type Inner struct{ A, B int }
type Outer struct {
	In   Inner
	List []int
	M    map[string]int
}

func main() {
	c := make(chan int, 6)
	for i := range 6 {
		c <- i + 1
	}
	o := Outer{
		In:   Inner{A: <-c, B: <-c},
		List: []int{<-c, <-c},
		M:    map[string]int{"x": <-c, "y": <-c},
	}
	fmt.Printf("%+v\n", o)
}
