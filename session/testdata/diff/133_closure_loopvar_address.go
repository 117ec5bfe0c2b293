package main

import "fmt"

func main() {
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	var ps []*string
	for _, v := range []string{"x", "y"} {
		ps = append(ps, &v)
	}
	fmt.Println(*ps[0], *ps[1], ps[0] != ps[1])
}
