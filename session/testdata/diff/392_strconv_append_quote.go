package main

import (
	"fmt"
	"strconv"
)

func main() {
	b := []byte("n=")
	b = strconv.AppendInt(b, 42, 10)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, "q\"s")
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, 1.0/3, 'f', 4, 64)
	fmt.Println(string(b))
	fmt.Println(strconv.IsPrint('\u00e9'), strconv.IsPrint('\x07'))
	fmt.Println(strconv.CanBackquote("no`"), strconv.CanBackquote("ok"))
}
