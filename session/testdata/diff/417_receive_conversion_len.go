package main

import "fmt"

type ID int

func main() {
	bc := make(chan []byte, 1)
	bc <- []byte("bytes")
	fmt.Println(string(<-bc))
	ic := make(chan int, 1)
	ic <- 7
	id := ID(<-ic)
	fmt.Printf("%T %v\n", id, id)
	sc := make(chan []int, 1)
	sc <- []int{1, 2, 3}
	fmt.Println(len(<-sc))
	fc := make(chan float64, 1)
	fc <- 2.9
	fmt.Println(int(<-fc))
}
