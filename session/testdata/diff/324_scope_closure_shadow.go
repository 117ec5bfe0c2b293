package main

import "fmt"

func main() {
	x := 1
	f := func() int {
		x := 10
		x++
		return x
	}
	g := func() int {
		x++
		return x
	}
	fmt.Println(f(), g(), x)
	fmt.Println(f(), g(), x)
}
