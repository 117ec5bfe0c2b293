package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	ps := []Person{{"Alice", 30}, {"bob", 25}, {"Carol", 30}, {"dave", 25}}
	slices.SortFunc(ps, func(a, b Person) int {
		return cmp.Or(cmp.Compare(b.Age, a.Age), strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	fmt.Println(ps)
	slices.SortStableFunc(ps, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(ps)
	idx := slices.IndexFunc(ps, func(p Person) bool { return p.Name == "Carol" })
	fmt.Println(idx)
	oldest := slices.MaxFunc(ps, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(oldest)
}
