package main

import "fmt"

func main() {
	s := "hello"
	b := []byte(s)
	b[0] = 'j'
	fmt.Println(s, string(b))
	t := s
	s += "!"
	fmt.Println(t, s)
	fmt.Println(s[0], string(s[0]), s[0] == 'h')
	fmt.Printf("%T %T\n", s[0], 'h')
}
