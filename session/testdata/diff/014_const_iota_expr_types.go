package main

import "fmt"

type Level uint8

const (
	Low Level = iota + 1
	Mid
	High
)

const (
	s0 = "x"
	s1
	s2 = iota
)

func main() {
	fmt.Println(Low, Mid, High)
	fmt.Printf("%T\n", High)
	fmt.Println(s0, s1, s2)
}
