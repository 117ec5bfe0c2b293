package main

import "fmt"

type T struct{ A int }

func main() {
	t := &T{1}
	fmt.Println(t)
	fmt.Printf("%v %+v\n", t, t)
	pp := &t
	fmt.Printf("%T\n", pp)
	var np *T
	fmt.Println(np)
	fmt.Printf("%v %+v\n", np, np)
	ts := []*T{nil}
	fmt.Println(len(ts), ts[0] == nil)
	fmt.Printf("%T %T %T\n", fmt.Println, struct{}{}, map[string][]int(nil))
}
