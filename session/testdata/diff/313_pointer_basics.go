package main

import "fmt"

func inc(p *int) { *p++ }

func main() {
	x := 10
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	fmt.Println(*q)
	*q = 3
	pp := &q
	**pp = 4
	fmt.Println(*q)
	var np *int
	fmt.Println(np == nil)
}
