package main

import "fmt"

func stats(xs []int) (min, max, sum int) {
	min, max = xs[0], xs[0]
	for _, x := range xs {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
		sum += x
	}
	return
}

func main() {
	_, hi, _ := stats([]int{3, 9, 1})
	fmt.Println(hi)
	lo, _, total := stats([]int{5, 2, 8})
	fmt.Println(lo, total)
}
