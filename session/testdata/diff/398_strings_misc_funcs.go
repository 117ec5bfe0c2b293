package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.ContainsFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Println(strings.IndexFunc("hello World", func(r rune) bool { return r >= 'A' && r <= 'Z' }))
	fmt.Println(strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }))
	s, ok := strings.CutPrefix("v1.2.3", "v")
	fmt.Println(s, ok)
	s, ok = strings.CutSuffix("name.txt", ".md")
	fmt.Println(s, ok)
	fmt.Println(strings.LastIndexByte("a/b/c", '/'), strings.ToValidUTF8("a\xffb", "?"))
	fmt.Printf("%q\n", strings.SplitAfterN("1.2.3.4", ".", 3))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Σ", "σ"))
}
