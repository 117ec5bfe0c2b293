package main

import "fmt"

type P struct {
	A int
	B string
}

func main() {
	fmt.Println(P{1, "x"} == P{1, "x"}, P{1, "x"} == P{2, "x"})
	fmt.Println([2]int{1, 2} == [2]int{1, 2})
	var a, b any = 3, 3
	fmt.Println(a == b)
	a, b = 3, int64(3)
	fmt.Println(a == b)
	fmt.Println("abc" < "abd", "Z" < "a", "" < "a")
	var p1, p2 *int
	fmt.Println(p1 == p2, p1 == nil)
}
