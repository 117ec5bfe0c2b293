// Receives among a call's arguments after a call of len or cap: Go
// evaluates calls and receives left to right, so len(ch) sees the values
// still buffered; the kernel hoisted the receives before the statement
// (len printed 0; a held-out program's buffered-channel demo).
package main

import "fmt"

func main() {
	messages := make(chan string, 3)
	messages <- "buffered"
	messages <- "channel"
	fmt.Println(len(messages), cap(messages), <-messages, <-messages)
	messages <- "a"
	messages <- "b"
	fmt.Println(len(messages), <-messages, len(messages))
	messages <- "c"
	fmt.Println(fmt.Sprint(len(messages)), <-messages, <-messages)
	nums := make(chan int, 2)
	nums <- 4
	nums <- 5
	fmt.Println(int64(len(nums)), <-nums+<-nums)
}
