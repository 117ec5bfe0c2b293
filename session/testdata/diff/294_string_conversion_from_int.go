package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(string(rune(97)), strconv.Itoa(97), fmt.Sprint(97))
	fmt.Println(string(rune(-1)) == "\uFFFD")
	fmt.Println(strconv.Quote("héllo\n"), strconv.QuoteToASCII("héllo"))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	fmt.Println(strconv.QuoteRune('☺'))
}
