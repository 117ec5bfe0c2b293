package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Celsius float64

func SortedPairs(m map[string]int) []Pair[string, int] {
	var ps []Pair[string, int]
	for _, k := range slices.Sorted(maps.Keys(m)) {
		ps = append(ps, Pair[string, int]{k, m[k]})
	}
	return ps
}

func main() {
	var s Stack[string]
	for _, w := range strings.Fields("go is fun") {
		s.Push(w)
	}
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Print(v, " ")
	}
	_, ok := s.Pop()
	fmt.Println(ok)

	nums := []int{1, 2, 3, 4, 5, 6}
	sq := Map(nums, func(n int) int { return n * n })
	even := Filter(sq, func(n int) bool { return n%2 == 0 })
	total := Reduce(even, 0.5, func(a float64, n int) float64 { return a + float64(n) })
	fmt.Println(sq, even, total, Sum(nums), Sum([]Celsius{1.5, 2.25}))
	words := Map([]string{"b", "a", "c"}, strings.ToUpper)
	slices.Sort(words)
	fmt.Println(words, slices.Index(words, "C"), slices.Contains(words, "Z"))

	ages := map[string]int{"bob": 31, "alice": 29, "carol": 35}
	ps := SortedPairs(ages)
	fmt.Println(ps)
	var ss []fmt.Stringer
	for _, p := range ps {
		ss = append(ss, p)
	}
	fmt.Println(ss)
	slices.SortFunc(ps, func(a, b Pair[string, int]) int { return cmp.Compare(b.Val, a.Val) })
	fmt.Println(ps[0], slices.MaxFunc(ps, func(a, b Pair[string, int]) int { return cmp.Compare(len(a.Key), len(b.Key)) }))
	idx, found := slices.BinarySearch([]int{1, 3, 5, 7}, 5)
	fmt.Println(idx, found, slices.Max(nums), min(3, 1, 2))
}
