package main

import "fmt"

func main() {
	s := []rune("stressed")
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	fmt.Println(string(s))
	nums := []int{1, 2, 3, 4, 5}
	k := 2
	rot := append(nums[k:], nums[:k]...)
	fmt.Println(rot)
}
