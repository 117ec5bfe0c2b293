package main

import "fmt"

func Zero[T any]() T {
	var z T
	return z
}

func Convert[To, From ~int | ~float64](f From) To { return To(f) }

func main() {
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil, Zero[[]int]() == nil)
	fmt.Println(Convert[int](3.9))
	fmt.Println(Convert[float64, int](7))
	f := Zero[bool]
	fmt.Println(f())
	fmt.Printf("%T\n", f)
}
