package main

import "fmt"

type T struct{ N int }

func main() {
	a := []int{1, 2, 3}
	a[1]++
	m := map[string]int{}
	m["k"]++
	m["k"]++
	t := &T{}
	t.N--
	arr := [2]T{}
	arr[0].N += 5
	fmt.Println(a, m, t.N, arr)
	p := &a[2]
	*p++
	fmt.Println(a)
}
