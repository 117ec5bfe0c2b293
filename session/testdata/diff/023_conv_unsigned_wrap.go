package main

import "fmt"

func main() {
	var a uint8 = 200
	var b uint8 = 100
	fmt.Println(a+b, a-b, b-a)
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var x int32 = -7
	fmt.Println(x/2, x%2, uint32(x)>>28)
	fmt.Println(^uint8(0), ^0)
}
