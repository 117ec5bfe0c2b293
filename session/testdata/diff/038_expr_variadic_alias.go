package main

import "fmt"

func mutate(xs ...int) {
	xs[0] = 99
}

func main() {
	s := []int{1, 2, 3}
	mutate(s...)
	fmt.Println(s)
	mutate(1, 2)
	fmt.Println("literal args are a fresh slice")
	t := append([]int(nil), s...)
	mutate(t...)
	fmt.Println(s, t)
}
