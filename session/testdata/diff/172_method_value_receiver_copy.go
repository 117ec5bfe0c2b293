package main

import "fmt"

type Buf struct {
	data [3]int
	s    []int
}

func (b Buf) Modify() {
	b.data[0] = 99
	b.s[0] = 99
}

func main() {
	b := Buf{s: []int{1, 2, 3}}
	b.Modify()
	fmt.Println(b.data, b.s)
}
