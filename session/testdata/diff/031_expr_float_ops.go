package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2 == 0.3, 0.1+0.2)
	var zero float64
	fmt.Println(1/zero, -1/zero, math.IsNaN(zero/zero))
	nan := math.NaN()
	fmt.Println(nan == nan, nan != nan)
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(2.5), math.Trunc(-2.7))
	fmt.Println(math.Sqrt(2), math.Mod(7, 3))
	fmt.Printf("%.3f %g %e\n", math.E, 1e21, 123456.0)
}
