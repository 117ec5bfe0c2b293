package main

import "fmt"

func main() {
	evens := func(limit int) func(func(int, int) bool) {
		return func(yield func(int, int) bool) {
			idx := 0
			for v := 0; v < limit; v += 2 {
				if !yield(idx, v) {
					return
				}
				idx++
			}
		}
	}
	sum := 0
	for i, v := range evens(10) {
		sum += v
		fmt.Println(i, v)
	}
	fmt.Println("sum", sum)
	var fs []func() int
	for _, v := range evens(6) {
		fs = append(fs, func() int { return v })
	}
	fmt.Println(fs[0](), fs[1](), fs[2]())
}
