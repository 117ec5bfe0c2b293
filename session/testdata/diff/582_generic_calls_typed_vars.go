// Generic functions of the cells where yaegi went wrong silently or
// crashed: var x T = F(...) after other statements was left at its zero
// value (also in the kernel's own temporaries of a, b := F(...), G(...)
// and of return F(...), G(...)); F[T](xs) written inside a generic
// function instantiated with a named type panicked (nil pointer
// dereference); %T of a value of a named empty interface type (type Expr
// any) printed <nil>; and maps.Copy, maps.DeleteFunc, maps.Equal,
// maps.Collect, slices.Compact, slices.Concat, slices.BinarySearch on
// the cells' types were refused.
package main

import (
	"fmt"
	"maps"
	"slices"
)

type Number interface{ ~int | ~float64 }

type Score int

type Meters float64

func Sum[T Number](xs []T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Mean[T Number](xs []T) float64 { return float64(Sum(xs)) / float64(len(xs)) }

func First[T any](xs []T) T { return xs[0] }

type Pair[K comparable, V any] struct {
	K K
	V V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](vals ...T) Set[T] {
	s := make(Set[T], len(vals))
	for _, v := range vals {
		s[v] = struct{}{}
	}
	return s
}

func (s Set[T]) Union(o Set[T]) Set[T] {
	r := maps.Clone(s)
	maps.Copy(r, o)
	return r
}

func (s Set[T]) Intersect(o Set[T]) Set[T] {
	r := maps.Clone(s)
	maps.DeleteFunc(r, func(k T, _ struct{}) bool { _, ok := o[k]; return !ok })
	return r
}

type Expr any

func describe(e Expr) string { return fmt.Sprintf("%T=%v", e, e) }

func stats(xs []int) (int, float64) {
	n := len(xs)
	var total int = Sum(xs)
	var first int = First(xs)
	var p Pair[string, int] = MakePair("n", n)
	fmt.Println(first, p)
	return total, Mean(xs)
}

func minMax(xs []Score) (Score, Score) {
	c := slices.Clone(xs)
	slices.Sort(c)
	return First(c), c[len(c)-1]
}

func main() {
	fmt.Println(stats([]int{3, 4, 5}))
	scores := []Score{90, 72, 85}
	fmt.Println(Mean(scores), Sum([]Meters{1.5, 2}))
	fmt.Println(minMax(scores))
	a, b := NewSet(1, 2, 3, 4, 5), NewSet(4, 5, 6, 7)
	fmt.Println(slices.Sorted(maps.Keys(a.Union(b))), slices.Sorted(maps.Keys(a.Intersect(b))))
	fmt.Println(maps.Equal(a, NewSet(5, 4, 3, 2, 1)), maps.Equal(a, b))
	m := maps.Collect(func(yield func(string, Score) bool) {
		_ = yield("x", 1) && yield("y", 2)
	})
	fmt.Println(len(m), m["y"])
	all := slices.Concat(scores, []Score{72, 72, 60})
	slices.Sort(all)
	fmt.Println(all, slices.Compact(all))
	i, found := slices.BinarySearch([]Meters{1, 2.5, 4}, 2.5)
	fmt.Println(i, found)
	fmt.Println(describe("oops"), describe(3), describe(nil), describe([]int{1}))
	xs := []int{9, 1}
	var top int = First(xs)
	fmt.Println(top)
}
