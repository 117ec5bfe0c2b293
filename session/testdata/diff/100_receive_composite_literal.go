package main

import "fmt"

type P struct{ X, Y int }

func main() {
	c := make(chan int, 6)
	for i := 1; i <= 6; i++ {
		c <- i
	}
	p := P{<-c, <-c}
	s := []int{<-c, <-c}
	m := map[string]int{"k": <-c}
	q := &P{Y: <-c}
	fmt.Println(p, s, m, *q)
}
