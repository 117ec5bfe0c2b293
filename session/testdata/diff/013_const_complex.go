package main

import "fmt"

const c = 3 + 4i

func main() {
	fmt.Println(real(c), imag(c))
	var z complex128 = c * c
	fmt.Println(z)
	fmt.Printf("%T %v\n", c, c)
	var z64 complex64 = complex(1, 2)
	fmt.Printf("%T %v\n", z64, z64)
	const r = real(c)
	fmt.Printf("%T %v\n", r, r)
}
