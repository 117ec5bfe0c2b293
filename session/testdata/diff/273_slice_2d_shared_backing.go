package main

import "fmt"

func main() {
	backing := make([]int, 6)
	m := [][]int{backing[0:3], backing[3:6]}
	m[0][2] = 1
	m[1][0] = 2
	fmt.Println(backing)
	m[0] = append(m[0], 7)
	fmt.Println(backing, m[1])
}
