package main

import "fmt"

func sum(prefix string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s%d(%d)", prefix, t, len(nums))
}

func main() {
	fmt.Println(sum("a"))
	fmt.Println(sum("b", 1, 2, 3))
	xs := []int{4, 5}
	fmt.Println(sum("c", xs...))
	fmt.Println(sum("d", []int{}...))
	args := []any{1, "two", 3.0}
	fmt.Println(args...)
}
