package main

import "fmt"

func main() {
	ins := []chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
	for i, in := range ins {
		in <- i * 10
	}
	total := 0
	for _, in := range ins {
		v := <-in
		fmt.Println(v)
		total += v
	}
	fmt.Println("total", total)
}
