package main

import "fmt"

type A struct{ X, Y int }
type B struct{ X int }
type C struct {
	A
	B
	Y string
}

func main() {
	c := C{A{1, 2}, B{3}, "top"}
	fmt.Println(c.A.X, c.B.X)
	fmt.Println(c.Y, c.A.Y)
}
