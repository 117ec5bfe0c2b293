package main

import "fmt"

func main() {
	x := 10
	x += 5
	x -= 3
	x *= 2
	x /= 4
	x %= 4
	fmt.Println(x)
	y := 0b1111
	y &= 0b1010
	y |= 0b0001
	y ^= 0b1000
	y <<= 2
	y >>= 1
	y &^= 0b10
	fmt.Println(y)
	s := "a"
	s += "b"
	fmt.Println(s)
}
