package main

import "fmt"

type Flag bool

func main() {
	var f Flag = 1 < 2
	fmt.Printf("%T %v\n", f, f)
	b := 3 == 3
	fmt.Printf("%T\n", b)
	var i8 int8 = 5
	fmt.Println(i8 > 4, i8 == 5.0)
	var e any = 5
	fmt.Println(e == 5, e == int8(5), e == "5")
	const big = 1 << 40
	var i64 int64 = big
	fmt.Println(i64 == big, big > 1e12)
}
