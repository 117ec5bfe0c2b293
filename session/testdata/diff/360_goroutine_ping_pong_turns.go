package main

import (
	"fmt"
	"sync"
)

func player(name string, in <-chan int, out chan<- int, done chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for n := range in {
		if n >= 5 {
			done <- name
			close(out)
			return
		}
		fmt.Println(name, n)
		out <- n + 1
	}
	close(out)
}

func main() {
	a, b := make(chan int), make(chan int)
	done := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(2)
	go player("ping", a, b, done, &wg)
	go player("pong", b, a, done, &wg)
	a <- 0
	wg.Wait()
	fmt.Println("winner:", <-done)
}
