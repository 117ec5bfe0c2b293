package main

import (
	"fmt"
	"math"
)

func main() {
	x := math.MaxInt64
	x++
	fmt.Println(x == math.MinInt64)
	var i int32 = math.MaxInt32
	i += 2
	fmt.Println(i)
	var u uint = 0
	u--
	fmt.Println(u == math.MaxUint)
	m := math.MinInt64
	fmt.Println(-m == m, m/-1 == m)
}
