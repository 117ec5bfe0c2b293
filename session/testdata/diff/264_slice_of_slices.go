package main

import "fmt"

func main() {
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	row := grid[2]
	row[1] = 42
	fmt.Println(grid[2])
	tri := [][]string{{"a"}, {"b", "c"}}
	tri[0] = append(tri[0], "x")
	fmt.Println(tri, len(tri[0]))
}
