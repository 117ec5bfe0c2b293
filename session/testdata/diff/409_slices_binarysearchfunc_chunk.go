package main

import (
	"cmp"
	"fmt"
	"slices"
)

type Entry struct {
	Key string
	Val int
}

func main() {
	es := []Entry{{"a", 1}, {"c", 3}, {"e", 5}}
	find := func(k string) {
		i, ok := slices.BinarySearchFunc(es, k, func(e Entry, t string) int { return cmp.Compare(e.Key, t) })
		fmt.Println(k, i, ok)
	}
	find("c")
	find("d")
	find("z")
	i, ok := slices.BinarySearchFunc(es, "b", func(e Entry, t string) int { return cmp.Compare(e.Key, t) })
	if !ok {
		es = slices.Insert(es, i, Entry{"b", 2})
	}
	fmt.Println(es)
}
