package main

import "fmt"

func main() {
	nums := make([]int, 1000)
	for i := range nums {
		nums[i] = i + 1
	}
	const parts = 4
	sums := make([]chan int, parts)
	size := len(nums) / parts
	for p := range parts {
		sums[p] = make(chan int, 1)
		go func(chunk []int) {
			s := 0
			for _, v := range chunk {
				s += v
			}
			sums[p] <- s
		}(nums[p*size : (p+1)*size])
	}
	total := 0
	for p, c := range sums {
		s := <-c
		fmt.Println("part", p, s)
		total += s
	}
	fmt.Println(total)
}
