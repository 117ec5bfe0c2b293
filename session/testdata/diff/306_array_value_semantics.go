package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) { a[0] = 100 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	c := modify(a)
	fmt.Println(a, b, c)
	modifyPtr(&a)
	fmt.Println(a)
	fmt.Println(a == [3]int{100, 2, 3})
}
