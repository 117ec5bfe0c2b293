package main

import (
	"fmt"
	"maps"
	"slices"
)

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	g := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		g[k] = append(g[k], x)
	}
	return g
}

func main() {
	words := []string{"apple", "bob", "cat", "avocado", "banana"}
	g := GroupBy(words, func(s string) byte { return s[0] })
	for _, k := range slices.Sorted(maps.Keys(g)) {
		fmt.Printf("%c %v\n", k, g[k])
	}
	byLen := GroupBy(words, func(s string) int { return len(s) })
	fmt.Println(byLen[3], len(byLen))
}
