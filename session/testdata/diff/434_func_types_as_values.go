package main

import (
	"fmt"
	"strings"
)

type Transform func(string) string

var pipeline = []Transform{strings.TrimSpace, strings.ToLower, reverse}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "  Hello World "
	for _, t := range pipeline {
		s = t(s)
	}
	fmt.Println(s)
	var nilf func()
	fmt.Println(nilf == nil)
	fmt.Printf("%T\n", pipeline[0])
}
