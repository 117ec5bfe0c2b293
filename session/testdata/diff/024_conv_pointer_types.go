package main

import "fmt"

type Inner struct{ A int }
type Alias = Inner
type Named Inner

func main() {
	p := &Inner{1}
	var q *Alias = p
	q.A = 2
	fmt.Println(p.A)
	r := (*Named)(p)
	r.A = 3
	fmt.Println(p.A, r.A)
	fmt.Printf("%T %T\n", *q, *r)
}
