package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []int{5, 2, 9, 1, 5}
	slices.Sort(xs)
	fmt.Println(xs)
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(i, found)
	i, found = slices.BinarySearch(xs, 6)
	fmt.Println(i, found)
	fmt.Println(slices.Index(xs, 9), slices.Index(xs, 7), slices.Contains(xs, 2))
	fmt.Println(slices.IsSorted(xs), slices.Min(xs), slices.Max(xs))
	words := []string{"banana", "Apple", "cherry"}
	slices.Sort(words)
	fmt.Println(words)
}
