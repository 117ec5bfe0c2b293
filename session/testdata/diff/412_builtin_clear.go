package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	view := s[1:]
	clear(s)
	fmt.Println(s, len(s), view)
	m := map[string]bool{"a": true, "b": false}
	clear(m)
	fmt.Println(m, len(m))
	var nilm map[int]int
	clear(nilm)
	strs := []string{"x", "y"}
	clear(strs[:1])
	fmt.Printf("%q\n", strs)
}
