package main

import (
	"fmt"
	"sort"
)

type Emp struct {
	Name string
	Dept string
	Age  int
}

func main() {
	es := []Emp{
		{"Ann", "eng", 30}, {"Bob", "ops", 25}, {"Cid", "eng", 25},
		{"Dee", "ops", 30}, {"Eve", "eng", 30},
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Age < es[j].Age })
	for _, e := range es {
		fmt.Print(e.Name, " ")
	}
	fmt.Println()
	sort.SliceStable(es, func(i, j int) bool { return es[i].Dept < es[j].Dept })
	for _, e := range es {
		fmt.Print(e.Name, "/", e.Dept, "/", e.Age, " ")
	}
	fmt.Println()
}
