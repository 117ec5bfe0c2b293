// v, ok := m[k] and v, ok := x.(T) in a loop: yaegi leaves v as it was
// when the key is missing or the assertion fails, so v kept the value of
// the iteration before (a plugin registry said a missing plugin was the
// last one found; a held-out program). Also with = and var, in an if's
// init statement, and a channel receive for comparison.
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	var v int
	var ok bool
	v, ok = m["a"]
	v, ok = m["b"]
	fmt.Println(v, ok)
	xs := []any{5, "s", 7, 2.5}
	for _, x := range xs {
		n, ok := x.(int)
		fmt.Println(n, ok)
	}
	ch := make(chan int, 1)
	ch <- 4
	close(ch)
	for i := 0; i < 2; i++ {
		r, ok := <-ch
		fmt.Println(r, ok)
	}
	for _, k := range []string{"a", "zz"} {
		if w, found := m[k]; found || w == 0 {
			fmt.Println("if", k, w, found)
		}
	}
	f := func(k string) int { w := m[k]; return w }
	fmt.Println(f("a"), f("q"))
	for _, k := range []string{"a", "zz"} {
		w := m[k]
		fmt.Println("plain", w)
	}
	type Plugin interface{ Name() string }
	registry := map[string]Plugin{"up": upper{}}
	for _, n := range []string{"up", "nope"} {
		p, ok := registry[n]
		fmt.Printf("%s %v %T\n", n, ok, p)
	}
	var (
		pv  *int
		pok bool
	)
	ptrs := map[string]*int{"a": new(int)}
	for _, k := range []string{"a", "b"} {
		pv, pok = ptrs[k]
		fmt.Println(pv == nil, pok)
	}
}

type upper struct{}

func (upper) Name() string { return "UP" }
