package main

import "fmt"

func firstNeg(xs []int) int {
	idx := -1
search:
	for i, x := range xs {
		switch {
		case x < 0:
			idx = i
			break search
		case x == 0:
			continue search
		}
		fmt.Println("positive", x)
	}
	return idx
}

func main() {
	fmt.Println(firstNeg([]int{3, 0, 5, -2, 7}))
}
