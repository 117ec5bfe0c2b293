package main

import "fmt"

func main() {
	s := append([]byte("ab"), "cd"...)
	fmt.Println(string(s))
	n := copy(s, "XY")
	fmt.Println(n, string(s))
	var dst []int
	fmt.Println(copy(dst, []int{1, 2}))
	over := []int{1, 2, 3, 4}
	copy(over[1:], over[:3])
	fmt.Println(over)
	r := append([]rune("héllo")[:1], []rune("ey")...)
	fmt.Println(string(r))
}
