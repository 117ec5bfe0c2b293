// A generic function whose parameter is named like the type given for one
// of its type parameters (GroupBy's key func, with K = key): written as an
// instance, the body's map[K][]T must still name the type, not the
// parameter.
package main

import (
	"fmt"
	"sort"
)

type key struct {
	Product string
	Quarter int
}

type Sale struct {
	Product string
	Quarter int
	Units   int
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func SumBy[T any](xs []T, f func(T) int) int {
	total := 0
	for _, x := range xs {
		total += f(x)
	}
	return total
}

func main() {
	sales := []Sale{{"pen", 1, 3}, {"ink", 1, 2}, {"pen", 2, 5}, {"pen", 1, 4}}
	cells := GroupBy(sales, func(s Sale) key { return key{s.Product, s.Quarter} })
	var keys []key
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Product != keys[j].Product {
			return keys[i].Product < keys[j].Product
		}
		return keys[i].Quarter < keys[j].Quarter
	})
	for _, k := range keys {
		fmt.Printf("%-4s Q%d %d\n", k.Product, k.Quarter, SumBy(cells[k], func(s Sale) int { return s.Units }))
	}
}
