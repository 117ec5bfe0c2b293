package main

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	s := "a😀é"
	u16 := utf16.Encode([]rune(s))
	fmt.Println(u16, len(u16))
	fmt.Println(string(utf16.Decode(u16)))
	buf := make([]byte, 0, 8)
	buf = utf8.AppendRune(buf, '€')
	fmt.Println(buf, utf8.FullRune(buf[:2]), utf8.RuneCount(buf))
	p := make([]byte, 4)
	n := utf8.EncodeRune(p, '😀')
	fmt.Println(n, p)
	fmt.Println(utf8.RuneStart(buf[1]), utf8.ValidRune(0xD800))
}
