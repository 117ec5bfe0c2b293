package main

import "fmt"

type Op func(int, int) int

func (o Op) Apply(xs []int) int {
	acc := xs[0]
	for _, x := range xs[1:] {
		acc = o(acc, x)
	}
	return acc
}

func main() {
	add := Op(func(a, b int) int { return a + b })
	mul := Op(func(a, b int) int { return a * b })
	xs := []int{1, 2, 3, 4}
	fmt.Println(add.Apply(xs), mul.Apply(xs))
}
