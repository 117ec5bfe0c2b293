package main

import "fmt"

func main() {
	c := make(chan int, 3)
	c <- 7
	c <- 2
	c <- 0
	if v := <-c; v > 5 {
		fmt.Println("if-init", v)
	}
	switch v := <-c; v {
	case 2:
		fmt.Println("switch-init two")
	}
	switch <-c {
	case 0:
		fmt.Println("switch tag zero")
	}
}
