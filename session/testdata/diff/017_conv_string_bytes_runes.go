package main

import "fmt"

func main() {
	s := "héllo"
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(s), len(b), len(r))
	fmt.Println(b[1], b[2], r[1])
	fmt.Println(string(r[1:3]), string(b[3:]))
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
	b[0] = 'H'
	fmt.Println(string(b), s)
}
