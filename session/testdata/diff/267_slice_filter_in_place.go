package main

import "fmt"

func main() {
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8}
	orig := xs
	out := xs[:0]
	for _, x := range xs {
		if x%3 != 0 {
			out = append(out, x)
		}
	}
	fmt.Println(out)
	fmt.Println(orig)
}
