package main

import "fmt"

func main() {
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		if i == 2 {
			fmt.Println("array copy:", v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		if i == 2 {
			fmt.Println("slice shares:", v)
		}
	}
	s2 := []int{1, 2}
	for i := range s2 {
		s2 = append(s2, i)
	}
	fmt.Println(s2)
}
