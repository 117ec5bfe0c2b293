package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.TrimSpace("  \t hi \n"))
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimLeft("aabca", "a"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Println(strings.ToUpper("héllo"), strings.ToLower("ÀBC"), strings.ToTitle("loud"))
	fmt.Println(strings.Repeat("ab", 3), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r + 1
	}, "banana"))
}
