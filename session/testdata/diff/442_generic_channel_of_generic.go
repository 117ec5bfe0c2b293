package main

import "fmt"

type Msg[T any] struct {
	Seq  int
	Body T
}

func Send[T any](c chan<- Msg[T], bodies ...T) {
	for i, b := range bodies {
		c <- Msg[T]{i, b}
	}
	close(c)
}

func main() {
	c := make(chan Msg[[]string])
	go Send(c, []string{"a"}, []string{"b", "c"})
	for m := range c {
		fmt.Printf("%d %v %T\n", m.Seq, m.Body, m)
	}
}
