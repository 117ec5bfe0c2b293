package main

import "fmt"

func main() {
	s := "hello, world"
	fmt.Println(s[7:], s[:5], s[7:8])
	b := []byte(s)
	c := b[7:12]
	c[0] = 'W'
	fmt.Println(string(b))
	fmt.Println(len(s[3:3]), s[len(s):] == "")
}
