package main

import "fmt"

func setFirst(s []int)   { s[0] = 100 }
func appendOne(s []int)  { s = append(s, 1); _ = s }
func appendPtr(s *[]int) { *s = append(*s, 1) }

func main() {
	s := make([]int, 1, 4)
	setFirst(s)
	appendOne(s)
	fmt.Println(s, len(s))
	fmt.Println(s[:2])
	appendPtr(&s)
	fmt.Println(s)
}
