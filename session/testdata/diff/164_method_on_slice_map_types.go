package main

import (
	"fmt"
	"sort"
	"strings"
)

type Names []string

func (n Names) Join() string  { return strings.Join(n, ",") }
func (n *Names) Add(s string) { *n = append(*n, s) }

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }
func (s Set) Keys() []string {
	var out []string
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func main() {
	var n Names
	n.Add("a")
	n.Add("b")
	fmt.Println(n.Join(), len(n))
	s := Set{}
	s.Add("y")
	s.Add("x")
	fmt.Println(s.Keys())
}
