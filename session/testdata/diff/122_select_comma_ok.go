package main

import "fmt"

func main() {
	c := make(chan string, 1)
	c <- "last"
	close(c)
	for i := 0; i < 3; i++ {
		select {
		case v, ok := <-c:
			fmt.Printf("%q %v\n", v, ok)
		}
	}
}
