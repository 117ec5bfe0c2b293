package main

import "fmt"

func main() {
	m := map[int]int{1: 1}
	for k, v := range m {
		if k == 1 {
			m[k] = v * 100
		}
	}
	fmt.Println(m[1])
	src := map[string]int{"a": 1, "b": 2}
	dst := make(map[string]int, len(src))
	for k, v := range src {
		dst[k+k] = v * 2
	}
	fmt.Println(dst)
}
