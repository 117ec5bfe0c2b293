package main

import "fmt"

func show(tag string, v int) { fmt.Println(tag, v) }

func run(c chan int) {
	defer show("deferred", <-c)
	show("direct", <-c)
}

func main() {
	c := make(chan int, 2)
	c <- 1
	c <- 2
	run(c)
	done := make(chan bool)
	c <- 3
	go func(v int) {
		show("goroutine", v)
		done <- true
	}(<-c)
	<-done
}
