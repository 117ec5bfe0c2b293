package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	a := [3]int(s[1:4])
	a[0] = 100
	fmt.Println(a, s)
	p := (*[2]int)(s)
	p[1] = 200
	fmt.Println(*p, s)
	var empty []int
	e := [0]int(empty)
	fmt.Println(len(e))
}
