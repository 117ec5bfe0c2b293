package main

import "fmt"

func safe(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	c := make(chan int, 1)
	safe("close", func() { close(c) })
	safe("close again", func() { close(c) })
	safe("send on closed", func() { c <- 1 })
	var nc chan int
	safe("close nil", func() { close(nc) })
}
