package main

import "fmt"

func main() {
	nums := [5]int{1, 2, 3, 4, 5}
	sum := 0
	for i, v := range nums {
		if i == 0 {
			nums[4] = 500
		}
		sum += v
	}
	fmt.Println(sum, nums[4])
	sum = 0
	for i := range nums {
		sum += nums[i]
	}
	fmt.Println(sum)
	const idx = 2
	fmt.Println(nums[idx], nums[len(nums)-1])
}
