package main

import (
	"cmp"
	"fmt"
	"math"
)

func main() {
	fmt.Println(cmp.Less(1, 2), cmp.Less("b", "a"))
	nan := math.NaN()
	fmt.Println(cmp.Compare(nan, 0.0), cmp.Compare(0.0, nan), cmp.Compare(nan, nan), cmp.Less(nan, math.Inf(-1)))
	fmt.Println(cmp.Or("", "", "default"), cmp.Or(0, 3, 5), cmp.Or[string]())
	type opts struct{ port int }
	o := opts{}
	fmt.Println(cmp.Or(o.port, 8080))
}
