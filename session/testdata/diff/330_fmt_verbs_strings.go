package main

import "fmt"

func main() {
	s := "hello"
	fmt.Printf("%s|%q|%v|%x|%X\n", s, s, s, s, s)
	fmt.Printf("%10s|%-10s|%.3s|%10.2s|\n", s, s, s, s)
	fmt.Printf("%q|%#q|%+q\n", "tab\there", "back`tick", "héllo")
	fmt.Printf("%s\n", []string{"a", "b"})
	fmt.Printf("%q\n", 'x')
	fmt.Printf("%5t|%-6t|\n", true, false)
}
