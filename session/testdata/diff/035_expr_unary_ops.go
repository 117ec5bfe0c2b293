package main

import "fmt"

func main() {
	x := 5
	p := &x
	*p += 1
	fmt.Println(x, -x, +x, ^x)
	b := true
	fmt.Println(!b, !!b)
	f := 2.5
	fmt.Println(-f)
	y := -x
	y--
	fmt.Println(y)
}
