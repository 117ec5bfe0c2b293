package main

import "fmt"

type Hist struct{ buckets [4]int }

func (h Hist) WithIncr(i int) Hist { h.buckets[i]++; return h }
func (h *Hist) Incr(i int)         { h.buckets[i]++ }

func main() {
	var h Hist
	h2 := h.WithIncr(1)
	h.Incr(2)
	fmt.Println(h.buckets, h2.buckets)
	m := map[string][2]int{"a": {1, 2}}
	v := m["a"]
	v[0] = 99
	fmt.Println(m["a"], v)
	m["a"] = v
	fmt.Println(m["a"])
}
