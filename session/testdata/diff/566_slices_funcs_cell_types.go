package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The generic functions of slices on slices of the program's own types:
// sorting (equal keys must end in Go's order), searching, deleting.

type Person struct {
	Name string
	Age  int
}

type Celsius float64

type ID int

func people(n int) []Person {
	ps := make([]Person, n)
	for i := range ps {
		ps[i] = Person{fmt.Sprintf("p%03d", i), (i * 7919) % 5}
	}
	return ps
}

func names(ps []Person) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Name[1:])
		b.WriteByte(' ')
	}
	return b.String()
}

func sum(ps []Person) int {
	h := 0
	for i, p := range ps {
		var n int
		fmt.Sscanf(p.Name, "p%d", &n)
		h = (h*31 + n*(i+1)) % 1000003
	}
	return h
}

func main() {
	byAge := func(a, b Person) int { return cmp.Compare(a.Age, b.Age) }
	for _, n := range []int{5, 12, 13, 40, 200, 1000} {
		ps := people(n)
		slices.SortFunc(ps, byAge)
		st := people(n)
		slices.SortStableFunc(st, byAge)
		if n <= 13 {
			fmt.Println(n, names(ps), "|", names(st))
		} else {
			fmt.Println(n, sum(ps), sum(st), slices.IsSortedFunc(ps, byAge))
		}
	}
	ps := people(8)
	fmt.Println(slices.IndexFunc(ps, func(p Person) bool { return p.Age == 3 }),
		slices.ContainsFunc(ps, func(p Person) bool { return p.Age > 4 }),
		slices.Index(ps, Person{"p004", 1}), slices.Contains(ps, Person{"x", 0}))
	oldest := slices.MaxFunc(ps, byAge)
	youngest := slices.MinFunc(ps, byAge)
	fmt.Println(oldest, youngest)
	cl := slices.Clone(ps)
	slices.Reverse(cl)
	fmt.Println(cl[0], ps[0], len(cl))
	kept := slices.DeleteFunc(cl, func(p Person) bool { return p.Age%2 == 0 })
	fmt.Println(len(kept), kept, cl[len(kept):])
	temps := []Celsius{21.5, -3, 18.25, 0, 30}
	slices.Sort(temps)
	fmt.Println(temps)
	ids := []ID{5, 3, 9, 1, 3}
	slices.Sort(ids)
	fmt.Println(ids, slices.Index(ids, 9))
	ptrs := []*Person{{"b", 2}, {"a", 2}, {"c", 1}}
	slices.SortFunc(ptrs, func(a, b *Person) int {
		return cmp.Or(cmp.Compare(a.Age, b.Age), strings.Compare(a.Name, b.Name))
	})
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
