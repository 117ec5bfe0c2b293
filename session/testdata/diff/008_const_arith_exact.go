package main

import "fmt"

const third = 1.0 / 3
const sum = third + third + third

const ia = 7 / 2
const fa = 7 / 2.0
const ra = 'a' + 1

func main() {
	fmt.Println(sum == 1)
	fmt.Println(ia, fa)
	fmt.Printf("%T %v %c\n", ra, ra, ra)
	const m = 1 << 62
	fmt.Println(m*4/8, uint64(m)*2)
}
