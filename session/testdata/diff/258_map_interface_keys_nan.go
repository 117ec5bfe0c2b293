package main

import (
	"fmt"
	"math"
)

func main() {
	m := map[float64]int{}
	nan := math.NaN()
	m[nan] = 1
	m[nan] = 2
	fmt.Println(len(m))
	_, ok := m[nan]
	fmt.Println(ok)
	clear(m)
	fmt.Println(len(m))
	z := map[float64]string{0.0: "zero"}
	fmt.Println(z[math.Copysign(0, -1)])
}
