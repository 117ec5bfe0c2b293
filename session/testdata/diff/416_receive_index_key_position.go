package main

import "fmt"

func main() {
	c := make(chan int, 4)
	c <- 2
	c <- 0
	c <- 1
	c <- 3
	s := []string{"a", "b", "c", "d"}
	fmt.Println(s[<-c])
	m := map[int]string{0: "zero", 1: "one"}
	fmt.Println(m[<-c])
	fmt.Println(s[<-c:])
	arr := [4]int{}
	arr[<-c] = 9
	fmt.Println(arr)
}
