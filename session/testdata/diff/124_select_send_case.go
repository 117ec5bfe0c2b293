package main

import "fmt"

func main() {
	out := make(chan int, 3)
	var blocked chan int
	for i := 0; i < 3; i++ {
		select {
		case out <- i * 2:
			fmt.Println("sent", i*2)
		case blocked <- i:
			fmt.Println("never")
		}
	}
	close(out)
	for v := range out {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
