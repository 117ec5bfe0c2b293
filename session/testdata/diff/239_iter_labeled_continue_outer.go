package main

import (
	"fmt"
	"slices"
)

func pairs() []string {
	var out []string
outer:
	for a := range slices.Values([]int{1, 2, 3}) {
		for b := range slices.Values([]int{1, 2, 3}) {
			if b > a {
				continue outer
			}
			if a == 3 && b == 2 {
				break outer
			}
			out = append(out, fmt.Sprint(a, b))
		}
	}
	return out
}

func main() {
	fmt.Println(pairs())
}
