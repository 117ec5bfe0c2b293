package main

import "fmt"

func main() {
	m := map[int]bool{}
	for i := range 10 {
		m[i] = true
	}
	for k := range m {
		if k%2 == 1 {
			delete(m, k)
		}
	}
	fmt.Println(len(m), m[3], m[4])
	fmt.Println(m)
}
