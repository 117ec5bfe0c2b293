package main

import "fmt"

func main() {
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = 2, 10
	fmt.Println(i, x)
	a := []int{0, 0, 0}
	j := 1
	a[j], j = 5, 2
	fmt.Println(a, j)
	var p *int
	q := new(int)
	p, *q = q, 7
	fmt.Println(*p)
}
