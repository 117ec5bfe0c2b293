package main

import "fmt"

func main() {
	fmt.Println(2+3*4, (2+3)*4)
	fmt.Println(1<<2+1, 1<<(2+1))
	fmt.Println(7&3|8, 7&(3|8))
	fmt.Println(10-4-3, 100/10/5)
	t, f, g := true, false, false
	fmt.Println(t || f && g, (t || f) && g)
	fmt.Println(-2*-3, ^5&0xF, 5&^3)
}
