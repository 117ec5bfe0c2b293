package main

import "fmt"

func main() {
	for s := uint(0); s <= 66; s += 33 {
		fmt.Println(s, uint64(1)<<s, int64(-1)>>s, uint8(1)<<s)
	}
	n := 3
	fmt.Println(1<<n, 1024>>n)
	var i8 int8 = 1
	fmt.Println(i8 << 7)
}
