package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

func SumAs[R, T Integer](xs []T) R {
	var r R
	for _, x := range xs {
		r += R(x)
	}
	return r
}

func Average[T Integer | ~float64](xs []T) float64 {
	var s float64
	for _, x := range xs {
		s += float64(x)
	}
	return s / float64(len(xs))
}

func main() {
	fmt.Println(SumAs[int64]([]uint8{200, 100, 50}))
	fmt.Println(SumAs[uint8]([]int{200, 100}))
	fmt.Println(Average([]int{1, 2, 4}), Average([]float64{0.5, 1.5}))
}
