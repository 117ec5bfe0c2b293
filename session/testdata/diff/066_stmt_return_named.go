package main

import "fmt"

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func explicit() (x int) {
	x = 5
	return 10
}

func named() (s string, err error) {
	s = "partial"
	return
}

func main() {
	fmt.Println(divmod(17, 5))
	fmt.Println(explicit())
	fmt.Println(named())
}
