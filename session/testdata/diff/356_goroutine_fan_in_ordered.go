package main

import "fmt"

func producer(id, n int) <-chan string {
	c := make(chan string)
	go func() {
		defer close(c)
		for i := range n {
			c <- fmt.Sprintf("p%d-%d", id, i)
		}
	}()
	return c
}

func main() {
	srcs := []<-chan string{producer(0, 2), producer(1, 3), producer(2, 1)}
	for _, s := range srcs {
		for v := range s {
			fmt.Println(v)
		}
	}
}
