package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"z": 26, "a": 1, "m": 13}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Println(k, m[k])
	}
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	m2 := maps.Collect(maps.All(m))
	fmt.Println(maps.Equal(m, m2))
	fmt.Println(len(slices.Collect(maps.Keys(m))))
}
