package main

import (
	"fmt"
	"math"
)

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.3f|%08.3f\n", f, f, f, f, f)
	fmt.Printf("%e|%E|%.3e\n", f, f, 123456.789)
	fmt.Printf("%g|%g|%g|%G\n", f, 1e21, 1e-7, 2.5e-10)
	fmt.Printf("%v|%v|%v\n", math.Inf(1), math.Inf(-1), math.NaN())
	fmt.Printf("%+.1f|% .1f\n", 2.0, 2.0)
	fmt.Printf("%6.2f%%\n", 45.678)
	fmt.Println(1e6, 1e21, 0.000001, 123456789.0)
	fmt.Println(float32(0.1), 0.1, float32(1)/3)
}
