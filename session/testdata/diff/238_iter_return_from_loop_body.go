package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				fmt.Println("iterator told to stop at", i)
				return
			}
		}
	}
}

func find(target int) (int, bool) {
	for v := range seq(10) {
		if v*v >= target {
			return v, true
		}
	}
	return 0, false
}

func main() {
	fmt.Println(find(20))
	fmt.Println(find(1000))
}
