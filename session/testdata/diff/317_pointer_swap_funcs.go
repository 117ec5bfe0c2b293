package main

import "fmt"

func swap(a, b *int) { *a, *b = *b, *a }

func swapPtrs(a, b **int) { *a, *b = *b, *a }

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	px, py := &x, &y
	swapPtrs(&px, &py)
	fmt.Println(*px, *py, x, y)
}
