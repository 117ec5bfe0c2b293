package main

import (
	"fmt"
	"math"
)

const f = 3.0
const g = 2.5

func main() {
	var i int = f
	fmt.Println(i)
	fmt.Println(int(g * 2))
	fmt.Println(math.MaxInt64, math.MinInt64)
	fmt.Println(uint64(math.MaxUint64))
	fmt.Println(math.MaxInt8, math.MaxUint16)
	fmt.Printf("%.4f\n", math.Pi)
}
