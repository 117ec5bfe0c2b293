package main

import (
	"fmt"
	"unicode"
)

func main() {
	s := "Hello, Wörld 123!"
	var letters, digits, spaces, upper int
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		case unicode.IsSpace(r):
			spaces++
		}
	}
	fmt.Println(letters, digits, spaces, upper)
	fmt.Println(string(unicode.ToUpper('ö')), string(unicode.ToLower('Q')), unicode.IsPunct('!'))
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.In('x', unicode.Latin, unicode.Greek))
}
