package main

import "fmt"

func remove(s []int, i int) []int { return append(s[:i], s[i+1:]...) }

func insert(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func main() {
	s := []int{1, 2, 3, 4}
	s = remove(s, 1)
	fmt.Println(s)
	s = insert(s, 1, 20)
	fmt.Println(s)
	s = insert(s, len(s), 99)
	fmt.Println(s)
}
