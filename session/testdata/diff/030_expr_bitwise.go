package main

import "fmt"

func main() {
	a, b := 0b1100, 0b1010
	fmt.Printf("%04b %04b %04b %04b\n", a&b, a|b, a^b, a&^b)
	fmt.Printf("%b\n", ^uint8(a))
	x := uint32(1)
	x <<= 31
	fmt.Println(x, x>>31)
	var s int8 = -128
	fmt.Println(s>>7, s>>1)
	fmt.Println(0x_FF, 0o17, 1_000_000)
}
