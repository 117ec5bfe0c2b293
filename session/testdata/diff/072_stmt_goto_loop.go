package main

import "fmt"

func countdown(n int) {
loop:
	if n > 0 {
		fmt.Print(n, " ")
		n--
		goto loop
	}
	fmt.Println("liftoff")
}

func find(grid [][]int, target int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == target {
				goto found
			}
			_ = j
		}
		_ = i
	}
	return -1, -1
found:
	return 1, 1
}

func main() {
	countdown(3)
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(find([][]int{{1}}, 9))
}
