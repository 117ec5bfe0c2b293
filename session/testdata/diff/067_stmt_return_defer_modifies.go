package main

import "fmt"

func counter() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func main() {
	fmt.Println(counter())
	fmt.Println(unnamed())
}
