package main

import "fmt"

func main() {
	s := "aé"
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%x ", i, s[i])
	}
	fmt.Println()
	for i, r := range s {
		fmt.Printf("%d:%c ", i, r)
	}
	fmt.Println()
	rs := []rune(s)
	rs[1] = 'e'
	fmt.Println(string(rs), len(string(rs)))
}
