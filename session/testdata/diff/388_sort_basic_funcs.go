package main

import (
	"fmt"
	"sort"
)

func main() {
	ints := []int{5, 2, 8, 1}
	sort.Ints(ints)
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	fls := []float64{2.5, -1, 3.25}
	sort.Float64s(fls)
	fmt.Println(ints, strs, fls)
	fmt.Println(sort.IntsAreSorted(ints), sort.SearchInts(ints, 5), sort.SearchInts(ints, 6))
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
}
