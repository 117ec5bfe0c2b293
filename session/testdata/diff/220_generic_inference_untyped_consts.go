package main

import "fmt"

func Add[T int | float64 | string](a, b T) T { return a + b }

func Pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

func main() {
	fmt.Println(Add(1, 2))
	fmt.Println(Add(1.5, 2))
	fmt.Println(Add("a", "b"))
	x := Pick(true, 1, 2.5)
	fmt.Printf("%T %v\n", x, x)
	y := Pick(false, 'a', 1)
	fmt.Printf("%T %v\n", y, y)
}
