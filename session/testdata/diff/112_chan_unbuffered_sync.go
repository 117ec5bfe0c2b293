package main

import "fmt"

func main() {
	ping := make(chan string)
	pong := make(chan string)
	go func() {
		for msg := range ping {
			pong <- msg + "!"
		}
		close(pong)
	}()
	for _, w := range []string{"a", "b", "c"} {
		ping <- w
		fmt.Println(<-pong)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pong open:", ok)
}
