package main

import "fmt"

func main() {
	var f float64 = -3.9
	fmt.Println(int(f), int(-f))
	var big int64 = 300
	fmt.Println(uint8(big), int8(big))
	var n int = -1
	fmt.Println(uint32(n), uint16(n))
	fmt.Println(float32(0.1) == 0.1, float64(float32(0.5)) == 0.5)
	var u uint8 = 255
	u++
	fmt.Println(u)
}
