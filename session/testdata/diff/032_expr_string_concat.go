package main

import "fmt"

func main() {
	s := "go"
	s += "lang"
	t := s + " " + s[:2]
	fmt.Println(t, len(t))
	fmt.Println(s[2], s[2:5], s[:0] == "")
	b := "a" + string('b') + string([]byte{'c', 'd'})
	fmt.Println(b)
}
