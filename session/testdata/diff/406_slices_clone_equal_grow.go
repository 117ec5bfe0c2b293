package main

import (
	"fmt"
	"slices"
)

func main() {
	a := []int{1, 2, 3}
	b := slices.Clone(a)
	b[0] = 100
	fmt.Println(a, b, slices.Equal(a, b))
	fmt.Println(slices.Equal([]int{}, nil), slices.Clone([]int(nil)) == nil)
	c := slices.Grow(a, 10)
	fmt.Println(len(c), cap(c) >= 13)
	c = slices.Clip(c)
	fmt.Println(len(c), cap(c))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]int{1, 2, 3}, []int{1, 2}))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(i int, s string) bool { return fmt.Sprint(i) == s }))
}
