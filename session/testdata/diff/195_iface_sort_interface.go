package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ps := []Person{{"A", 30}, {"B", 25}, {"C", 35}, {"D", 25}}
	sort.Stable(ByAge(ps))
	fmt.Println(ps)
	sort.Sort(sort.Reverse(ByAge(ps)))
	fmt.Println(ps[0], ps[len(ps)-1].Age)
}
