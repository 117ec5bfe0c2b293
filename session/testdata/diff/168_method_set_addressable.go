package main

import "fmt"

type V struct{ n int }

func (v *V) Set(n int) { v.n = n }

func main() {
	arr := [2]V{}
	arr[0].Set(5)
	s := []V{{}, {}}
	s[1].Set(7)
	type W struct{ inner V }
	w := W{}
	w.inner.Set(9)
	m := map[string]*V{"k": {}}
	m["k"].Set(3)
	fmt.Println(arr[0].n, s[1].n, w.inner.n, m["k"].n)
}
