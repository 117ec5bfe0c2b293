package main

import "fmt"

func main() {
	s := []int{1}
	defer fmt.Println("direct:", s, len(s))
	defer func() { fmt.Println("closure:", s, len(s)) }()
	s = append(s, 2, 3)
	s[0] = 100
}
