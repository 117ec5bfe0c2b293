package main

import "fmt"

func main() {
	var s []string
	s = append(s, s...)
	fmt.Println(s == nil)
	s = append(s, []string{}...)
	fmt.Println(s == nil, len(s))
	s = append([]string{}, s...)
	fmt.Println(s == nil)
	var ifs []any
	ifs = append(ifs, nil, []int(nil))
	fmt.Println(len(ifs), ifs[0] == nil, ifs[1] == nil)
}
