package main

import (
	"cmp"
	"fmt"
)

func Clamp[T cmp.Ordered](v, lo, hi T) T { return min(max(v, lo), hi) }

func main() {
	fmt.Println(Clamp(15, 0, 10), Clamp(-3, 0, 10), Clamp(5, 0, 10))
	fmt.Println(Clamp("m", "b", "k"))
	fmt.Println(Clamp(2.5, 3.0, 4.0))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(3, 3))
}
