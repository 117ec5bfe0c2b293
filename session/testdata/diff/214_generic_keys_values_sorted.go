package main

import (
	"cmp"
	"fmt"
	"sort"
)

func Keys[K cmp.Ordered, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

func main() {
	fmt.Println(Keys(map[string]bool{"b": true, "a": false, "c": true}))
	fmt.Println(Keys(map[int]string{3: "c", 1: "a", 2: "b"}))
}
