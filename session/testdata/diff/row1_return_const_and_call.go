package main

import "fmt"

func two(b []byte) (int, int) { return 7, len(b) }

func main() {
	a, b := two([]byte("abc"))
	fmt.Println(a, b)
}
