package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	s = append(s, s...)
	fmt.Println(s)
	s = append(s[:2], s[4:]...)
	fmt.Println(s)
	t := append([]int(nil), s[1:3]...)
	t[0] = 0
	fmt.Println(s, t)
	var bs []byte
	bs = append(bs, "str"...)
	fmt.Println(string(bs))
}
