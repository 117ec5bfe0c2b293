package main

import "fmt"

type S struct{ out chan int }

func main() {
	s := S{out: make(chan int, 4)}
	s.out <- 1
	chans := []chan int{make(chan int, 1)}
	chans[0] <- 2
	m := map[string]chan int{"k": make(chan int, 1)}
	m["k"] <- 3
	p := &s
	p.out <- 4
	fmt.Println(<-s.out, <-chans[0], <-m["k"], <-s.out)
	fmt.Println(len(s.out))
	s.out <- 5
	s.out <- <-p.out + 100
	fmt.Println(<-s.out)
}
