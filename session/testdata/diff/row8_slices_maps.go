package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	s := []int{3, 1, 2}
	slices.Sort(s)
	m := map[string]int{"b": 2, "a": 1}
	fmt.Println(s, slices.Sorted(maps.Keys(m)), slices.Index(s, 2), len(maps.Clone(m)))
}
