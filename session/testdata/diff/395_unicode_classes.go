package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range []rune{'a', 'Z', '5', ' ', '\t', 'é', 'Ж', '中', '!', '٣', '_'} {
		fmt.Printf("%q L=%v U=%v D=%v N=%v S=%v P=%v\n", r,
			unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsDigit(r),
			unicode.IsNumber(r), unicode.IsSpace(r), unicode.IsPunct(r))
	}
	fmt.Println(string(unicode.SimpleFold('A')), string(unicode.ToTitle('ǆ')))
}
