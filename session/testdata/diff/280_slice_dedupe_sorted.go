package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{5, 3, 1, 3, 5, 5, 2, 1}
	sort.Ints(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	fmt.Println(out)
}
