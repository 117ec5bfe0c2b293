package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	idx := map[rune][]string{}
	for _, w := range []string{"apple", "avocado", "banana", "blueberry", "cherry"} {
		r := rune(w[0])
		idx[r] = append(idx[r], w)
	}
	for _, k := range slices.Sorted(maps.Keys(idx)) {
		fmt.Printf("%c: %v\n", k, idx[k])
	}
}
