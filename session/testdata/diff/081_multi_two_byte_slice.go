package main

import "fmt"

func two(b []byte) (int, int) { return 7, len(b) }

func main() {
	a, b := two([]byte("hello"))
	fmt.Println(a, b)
	a, b = two(nil)
	fmt.Println(a, b)
}
