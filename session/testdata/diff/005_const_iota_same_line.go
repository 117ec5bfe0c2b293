package main

import "fmt"

const (
	a, b = iota, iota * 100
	c, d
	e, f
)

const x = iota
const y = iota

func main() {
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(x, y)
}
