package main

import "fmt"

type Msg struct {
	ID   int
	Body string
}

func main() {
	c := make(chan Msg, 2)
	m := Msg{1, "hello"}
	c <- m
	m.Body = "changed"
	got := <-c
	fmt.Printf("%+v\n", got)
	pc := make(chan *Msg, 1)
	pc <- &m
	m.Body = "seen"
	fmt.Println((<-pc).Body)
}
