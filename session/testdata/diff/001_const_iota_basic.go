package main

import "fmt"

const (
	A = iota
	B
	C
	D
)

func main() {
	fmt.Println(A, B, C, D)
	fmt.Printf("%T %T\n", A, D)
}
