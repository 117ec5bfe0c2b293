package main

import "fmt"

func tryRecv(c chan int) string {
	select {
	case v := <-c:
		return fmt.Sprint("got ", v)
	default:
		return "empty"
	}
}

func trySend(c chan int, v int) bool {
	select {
	case c <- v:
		return true
	default:
		return false
	}
}

func main() {
	c := make(chan int, 1)
	fmt.Println(tryRecv(c))
	fmt.Println(trySend(c, 1), trySend(c, 2))
	fmt.Println(tryRecv(c))
}
