package main

import "fmt"

func main() {
	var a []int
	b := []int{}
	fmt.Println(a, b)
	fmt.Printf("%v %v\n", a, b)
	fmt.Printf("%#v %#v\n", a, b)
	fmt.Println(a == nil, b == nil)
	fmt.Printf("%d %x %q\n", []int{10, 11}, []byte("hi"), []string{"a", "b"})
}
