package main

import "fmt"

type Color int
type Name string
type S struct {
	C Color
	N Name
	F float64
	B []byte
	P *int
	I any
}

func main() {
	fmt.Printf("%#v\n", S{C: 2, N: "n", F: 1, B: []byte("hi"), I: 5})
	fmt.Printf("%#v %#v %#v %#v\n", 42, "s", 1.0, uint8(3))
	fmt.Printf("%#v %#v\n", 'x', complex(1, 2))
	fmt.Printf("%#v\n", []*int{nil})
}
