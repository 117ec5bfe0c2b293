package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "Grüße, 世界! 🎉"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)))
	r, size := utf8.DecodeRuneInString(s[2:])
	fmt.Printf("%c %d\n", r, size)
	last, lsize := utf8.DecodeLastRuneInString(s)
	fmt.Printf("%c %d %U\n", last, lsize, last)
	fmt.Println(utf8.ValidString(s), utf8.ValidString("\xff"))
	fmt.Println(utf8.RuneLen('世'), utf8.RuneLen('a'))
}
