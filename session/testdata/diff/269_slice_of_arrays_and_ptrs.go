package main

import "fmt"

type P struct{ N int }

func main() {
	vals := []P{{1}, {2}}
	for _, v := range vals {
		v.N *= 10
	}
	fmt.Println(vals)
	for i := range vals {
		vals[i].N *= 10
	}
	fmt.Println(vals)
	ptrs := []*P{{1}, {2}}
	for _, p := range ptrs {
		p.N *= 10
	}
	fmt.Println(*ptrs[0], *ptrs[1])
	arrs := [][2]int{{1, 2}}
	arrs[0][1] = 9
	fmt.Println(arrs)
}
