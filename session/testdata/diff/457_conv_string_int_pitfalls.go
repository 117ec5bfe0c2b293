package main

import (
	"fmt"
	"strconv"
)

type Code int

func main() {
	c := Code(66)
	fmt.Println(string(rune(c)), strconv.Itoa(int(c)), fmt.Sprint(c))
	b := byte('A')
	fmt.Println(string(b), string(rune(b+1)), b+1)
	r := 'é'
	fmt.Println(string(r), int(r), byte(r))
	fmt.Println([]byte(string(r)))
	var f float64 = 1e20
	fmt.Println(f == 100000000000000000000, int64(f/1e10))
}
