package main

import "fmt"

func main() {
	const k = 1 << 10
	var s uint = 3
	x := 1 << s
	var y int64 = 1 << s
	fmt.Println(k, x, y)
	fmt.Printf("%T %T\n", x, y)
	const z = 10 >> 1
	fmt.Println(z, -8>>1, 8<<2)
}
