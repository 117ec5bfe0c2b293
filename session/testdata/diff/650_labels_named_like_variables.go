// Labels named like variables, functions and types of the program: yaegi
// looks labels up among the other names, so `continue words` in a loop
// labelled words over a slice named words was "label words not defined".
package main

import "fmt"

type row []int

var grid = []row{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}}

func find(n int) (int, int) {
	i, j := -1, -1
find:
	for r := range grid {
		for c, v := range grid[r] {
			if v == n {
				i, j = r, c
				break find
			}
		}
	}
	return i, j
}

func main() {
	words := []string{"go", "", "skip", "stop", "never"}
	count := 0
words:
	for _, w := range words {
		switch w {
		case "":
			continue words
		case "skip":
			continue
		case "stop":
			break words
		}
		count++
	}
	fmt.Println("processed:", count)
	fmt.Println(find(6))
	fmt.Println(find(10))
	sum, i := 0, 0
row:
	if i < len(grid) {
		for _, v := range grid[i] {
			if v < 0 {
				i++
				goto row
			}
			sum += v
		}
		i++
		goto row
	}
	fmt.Println("sum of rows without negatives:", sum)
	n := 0
i:
	for {
		n++
		if n < 3 {
			continue i
		}
		break i
	}
	fmt.Println("n =", n)
}
