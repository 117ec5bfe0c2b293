package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// slices.Insert, Delete, BinarySearchFunc and EqualFunc, and maps.EqualFunc,
// on the program's own types: contents, lengths and capacities as Go's.

type Task struct {
	Name string
	Pri  int
}

type Level int

func main() {
	ts := make([]Task, 0, 4)
	ts = append(ts, Task{"a", 1}, Task{"c", 3})
	ts = slices.Insert(ts, 1, Task{"b", 2})
	fmt.Println(ts, len(ts), cap(ts))
	ts = slices.Insert(ts, 3, Task{"d", 4}, Task{"e", 5})
	fmt.Println(ts, len(ts), cap(ts))
	ts = slices.Insert(ts, 0, Task{"z", 0})
	fmt.Println(ts, len(ts), cap(ts))
	full := ts[:cap(ts)]
	ts = slices.Delete(ts, 1, 3)
	fmt.Println(ts, len(ts), cap(ts), full[len(ts):])
	i, found := slices.BinarySearchFunc(ts, 4, func(t Task, p int) int { return cmp.Compare(t.Pri, p) })
	fmt.Println(i, found)
	i, found = slices.BinarySearchFunc(ts, 2, func(t Task, p int) int { return cmp.Compare(t.Pri, p) })
	fmt.Println(i, found)
	names := []string{"z", "c", "d", "e"}
	fmt.Println(slices.EqualFunc(ts, names, func(t Task, n string) bool { return t.Name == n }))
	levels := map[string]Level{"x": 1, "y": 2}
	ints := map[string]int{"x": 1, "y": 2}
	fmt.Println(maps.EqualFunc(levels, ints, func(l Level, n int) bool { return int(l) == n }))
	ints["y"] = 3
	fmt.Println(maps.EqualFunc(levels, ints, func(l Level, n int) bool { return int(l) == n }))
	ls := []Level{3, 1, 2}
	slices.Sort(ls)
	fmt.Println(ls, slices.Equal(ls, []Level{1, 2, 3}), slices.Contains(ls, 2))
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = slices.MinFunc([]Task{}, func(a, b Task) int { return 0 })
}
