package main

import "fmt"

func fill(n int) (out [4]int) {
	for i := range out {
		out[i] = i * n
	}
	return
}

func main() {
	a := fill(3)
	b := fill(3)
	fmt.Println(a, a == b)
	s := a[1:3]
	s[0] = -1
	fmt.Println(a, b)
	fmt.Println(len(fill(1)), fill(2)[3])
}
