package main

import "fmt"

var order []int

func val(n int) int { order = append(order, n); return n }

func sum(a, b, c int) int { return a + b + c }

func main() {
	r := sum(val(1), val(2)*val(3), val(4))
	fmt.Println(r, order)
	order = nil
	s := []int{val(10), val(20), val(30)}
	fmt.Println(s, order)
	order = nil
	m := map[int]int{val(1): val(2)}
	fmt.Println(m, order)
}
