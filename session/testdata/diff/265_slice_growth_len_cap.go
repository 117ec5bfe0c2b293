package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	s = append(s, 1)
	fmt.Println(len(s), s)
	s = s[:0]
	fmt.Println(len(s), s == nil)
	e := []int{}
	fmt.Println(e == nil, len(e))
	m := make([]string, 2, 5)
	fmt.Printf("%q %d %d\n", m, len(m), cap(m))
	m = m[:cap(m)]
	fmt.Println(len(m))
}
