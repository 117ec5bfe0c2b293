package main

import "fmt"

func main() {
	a := [5]int{10, 20, 30, 40, 50}
	s := a[1:4]
	fmt.Println(s, len(s), cap(s))
	fmt.Println(a[len(a)-1], s[len(s)-1])
	str := "abcdef"
	fmt.Println(str[1:3], str[3:], str[:2])
	p := &a
	fmt.Println(p[2], p[1:2])
	fmt.Println("xyz"[1], len("xyz"[1:]))
}
