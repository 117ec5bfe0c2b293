package main

import "fmt"

func main() {
	step := make(chan int)
	ack := make(chan bool)
	go func() {
		for v := range step {
			fmt.Println("worker got", v)
			ack <- true
		}
		close(ack)
	}()
	for i := range 3 {
		fmt.Println("main sends", i)
		step <- i
		<-ack
	}
	close(step)
	_, ok := <-ack
	fmt.Println("ack closed:", !ok)
}
