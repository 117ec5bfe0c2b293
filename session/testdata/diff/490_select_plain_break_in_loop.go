package main

import "fmt"

func main() {
	ch := make(chan int, 10)
	for i := 0; i < 5; i++ {
		ch <- i
	}
	close(ch)
	n := 0
	for n < 3 {
		n++
		select {
		case v, ok := <-ch:
			if !ok || v%2 == 1 {
				break // leaves the select only
			}
			fmt.Println("got", v)
		}
		fmt.Println("iteration", n)
	}
	fmt.Println("n =", n)
	go func() {
		m := 0
		for m < 2 {
			m++
			select {
			default:
				{
					break
				}
			}
		}
		ch2 <- m
	}()
	fmt.Println("m =", <-ch2)
}

var ch2 = make(chan int)
