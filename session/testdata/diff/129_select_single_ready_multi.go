package main

import "fmt"

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	c := make(chan string, 1)
	b <- "from b"
	select {
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	case v := <-c:
		fmt.Println(v)
	}
	c <- "from c"
	select {
	case v := <-a:
		fmt.Println(v)
	case v := <-b:
		fmt.Println(v)
	case v := <-c:
		fmt.Println(v)
	}
}
