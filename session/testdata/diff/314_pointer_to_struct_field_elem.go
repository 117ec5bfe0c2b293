package main

import "fmt"

type T struct {
	A int
	B [3]int
}

func main() {
	t := T{}
	pa := &t.A
	pb := &t.B[1]
	*pa = 7
	*pb = 8
	fmt.Println(t)
	s := []int{1, 2, 3}
	pe := &s[0]
	s = append(s, 4)
	*pe = 100
	fmt.Println(s[0] == 100 || s[0] == 1)
	m := map[string]*T{"k": &t}
	m["k"].B[2] = 9
	fmt.Println(t.B)
}
