package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	scores := map[string]int{"zed": 70, "amy": 95, "kim": 88}
	names := slices.Sorted(maps.Keys(scores))
	fmt.Println(names)
	vals := slices.Collect(maps.Values(scores))
	slices.Sort(vals)
	fmt.Println(vals)
	byScore := slices.SortedFunc(maps.Keys(scores), func(a, b string) int { return scores[b] - scores[a] })
	fmt.Println(byScore)
	fmt.Println(slices.AppendSeq([]string{"first"}, slices.Values(names)))
	fmt.Println(slices.SortedStableFunc(slices.Values([]int{3, 1, 2}), func(a, b int) int { return a - b }))
}
