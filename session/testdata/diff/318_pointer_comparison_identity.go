package main

import "fmt"

type S struct{ n int }

func main() {
	a := &S{1}
	b := &S{1}
	c := a
	fmt.Println(a == b, a == c, *a == *b)
	x, y := new(int), new(int)
	fmt.Println(x == y)
	arr := [2]int{}
	fmt.Println(&arr[0] == &arr[0], &arr[0] == &arr[1])
}
