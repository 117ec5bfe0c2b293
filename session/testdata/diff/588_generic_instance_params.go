// A generic function calling another whose parameters are instances of
// the cells' generic types (Intersect(a, b) of *Set[T] inside IsSubset):
// yaegi inferred T as Set[string]'s struct ("reflect.MapOf: invalid key
// type") or nothing (a nil dereference); the type arguments are written.
package main

import (
	"fmt"
	"iter"
	"maps"
)

type Set[T comparable] struct {
	m map[T]struct{}
}

func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{}, len(items))}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func Collect[T comparable](seq iter.Seq[T]) *Set[T] {
	s := NewSet[T]()
	for v := range seq {
		s.Add(v)
	}
	return s
}

func (s *Set[T]) Add(v T)          { s.m[v] = struct{}{} }
func (s *Set[T]) Has(v T) bool     { _, ok := s.m[v]; return ok }
func (s *Set[T]) Len() int         { return len(s.m) }
func (s *Set[T]) All() iter.Seq[T] { return maps.Keys(s.m) }

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Intersect[T comparable](a, b *Set[T]) *Set[T] { return Collect(Filter(a.All(), b.Has)) }

func IsSubset[T comparable](a, b *Set[T]) bool { return Intersect(a, b).Len() == a.Len() }

func main() {
	a := NewSet("x", "y")
	b := NewSet("x", "y", "z")
	fmt.Println(Intersect(a, b).Len())
	fmt.Println(IsSubset(a, b))
}
