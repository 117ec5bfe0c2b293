package main

import (
	"fmt"
	"strconv"
)

func main() {
	n := 42
	s := strconv.Itoa(n)
	fmt.Printf("%q %T\n", s, s)
	s2 := fmt.Sprint(n)
	fmt.Println(s == s2)
	r := string(rune(n))
	fmt.Printf("%q\n", r)
	m, err := strconv.Atoi("-17")
	fmt.Println(m, err)
	_, err = strconv.Atoi("x1")
	fmt.Println(err)
}
