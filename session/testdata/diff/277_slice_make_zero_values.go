package main

import "fmt"

type T struct {
	S string
	P *int
	M map[string]int
}

func main() {
	fmt.Println(make([]bool, 3), make([]float64, 2))
	ts := make([]T, 2)
	fmt.Println(ts[0].S == "")
	fmt.Println(ts[1].P == nil, ts[1].M == nil)
	ss := make([][]int, 2)
	fmt.Println(ss, ss[0] == nil)
}
