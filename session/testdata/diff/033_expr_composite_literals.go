package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	ps := []Point{{1, 2}, {X: 3}, {}}
	fmt.Println(ps)
	pp := []*Point{{5, 6}, {Y: 7}}
	fmt.Println(*pp[0], *pp[1])
	m := map[string]Point{"a": {1, 1}, "b": {Y: 2}}
	fmt.Println(m["a"], m["b"])
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), arr)
	nested := [][]int{{1}, {2, 3}, nil}
	fmt.Println(nested, len(nested[2]))
	mk := map[Point]string{{1, 2}: "p"}
	fmt.Println(mk[Point{1, 2}])
}
