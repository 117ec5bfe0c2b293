package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{1, 2, 3, 4, 5}
	s = slices.Insert(s, 2, 10, 11)
	fmt.Println(s)
	s = slices.Delete(s, 0, 2)
	fmt.Println(s)
	s = slices.DeleteFunc(s, func(x int) bool { return x%2 == 0 })
	fmt.Println(s)
	s = slices.Replace(s, 0, 1, 7, 7, 7)
	fmt.Println(s)
	s = slices.Compact(s)
	fmt.Println(s)
	slices.Reverse(s)
	fmt.Println(s)
	fmt.Println(slices.Repeat([]string{"a", "b"}, 2), slices.Concat([]int{1}, []int{2, 3}, nil))
}
