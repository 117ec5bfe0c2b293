package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Abs(-2.5), math.Max(3, 7), math.Min(3, 7), math.Pow(2, 10))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Log(math.E), math.Log2(1024))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27), math.Inf(1) > math.MaxFloat64)
	frac, exp := math.Frexp(8)
	fmt.Println(frac, exp)
	ip, fp := math.Modf(3.75)
	fmt.Println(ip, fp, math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(math.MaxInt32, math.SmallestNonzeroFloat64 > 0, math.Float64bits(1.0))
}
