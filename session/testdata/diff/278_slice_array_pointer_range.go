package main

import "fmt"

func main() {
	arr := [4]int{1, 2, 3, 4}
	s := arr[:]
	s[0] = 10
	fmt.Println(arr)
	s = append(s, 5)
	s[1] = 20
	fmt.Println(arr, s)
	p := &arr
	for i := range p {
		p[i] *= 2
	}
	fmt.Println(arr, len(p))
}
