// The iterator functions of slices and maps (Collect, Sorted, SortedFunc,
// Values, All, Backward, maps.Keys, Values, All, Clone) and cmp.Compare,
// cmp.Less, slices.Max and Min on the cells' own types and inside generic
// functions: refused before ("slices.Sorted for Category is not
// available"). main also redeclares err at its top level (t, err := ...
// after d, err := ...), which as a cell of its own made t undefined.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

type Category int

const (
	Tools Category = iota
	Food
	Toys
)

func (c Category) String() string { return [...]string{"tools", "food", "toys"}[c] }

type Item struct {
	Name  string
	Cat   Category
	Price float64
}

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b K) int { return cmp.Compare(a, b) })
	return keys
}

func Smallest[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if cmp.Less(x, m) {
			m = x
		}
	}
	return m
}

func main() {
	items := []Item{{"hammer", Tools, 12.5}, {"apple", Food, 0.5}, {"robot", Toys, 30}, {"bread", Food, 2.25}, {"saw", Tools, 20}}
	byCat := map[Category][]Item{}
	for _, it := range items {
		byCat[it.Cat] = append(byCat[it.Cat], it)
	}
	for _, c := range slices.Sorted(maps.Keys(byCat)) {
		fmt.Println(c, len(byCat[c]))
	}
	names := slices.Collect(func(yield func(string) bool) {
		for _, it := range items {
			if !yield(it.Name) {
				return
			}
		}
	})
	fmt.Println(names)
	byPrice := slices.SortedFunc(slices.Values(items), func(a, b Item) int { return cmp.Compare(a.Price, b.Price) })
	for i, it := range slices.All(byPrice) {
		fmt.Println(i, it.Name, it.Price)
	}
	for i, it := range slices.Backward(items) {
		if i < 3 {
			break
		}
		fmt.Println("back", i, it.Name)
	}
	prices := map[string]float64{}
	for _, it := range items {
		prices[it.Name] = it.Price
	}
	fmt.Println(SortedKeys(prices))
	total := 0.0
	for v := range maps.Values(maps.Clone(prices)) {
		total += v
	}
	fmt.Println(total)
	n := 0
	for k, v := range maps.All(byCat) {
		n += len(v) * (int(k) + 1)
	}
	fmt.Println(n)
	cats := []Category{Toys, Tools, Food}
	fmt.Println(slices.Max(cats), slices.Min(cats), Smallest(3, 1, 2), Smallest("b", "a"), Smallest([]float64{2.5, 1.5}...))
	fmt.Println(cmp.Compare(Toys, Food), cmp.Less(Food, Toys), slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5}, 2)))

	d, err := strconv.Atoi("42")
	if err != nil {
		panic(err)
	}
	t, err := strconv.ParseFloat("2.5", 64)
	if err != nil {
		panic(err)
	}
	u, err := strconv.ParseBool("nope")
	fmt.Println(d, t, u, err)
	fields := strings.Fields(" a b  c ")
	fmt.Println(len(fields), fields)
}
