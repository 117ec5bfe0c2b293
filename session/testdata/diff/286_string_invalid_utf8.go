package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	bad := "a\xffb\xc0"
	for i, r := range bad {
		fmt.Println(i, r == utf8.RuneError, string(r))
	}
	fmt.Println([]rune(bad))
	fmt.Printf("%q %+q %x\n", bad, bad, bad)
	fmt.Println(string([]rune{0x10FFFF + 1}) == "\uFFFD")
}
