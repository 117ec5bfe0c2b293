package main

import "fmt"

type Meta struct{ Version int }

type Versioned[T any] struct {
	Meta
	Data T
}

func (v *Versioned[T]) Update(d T) {
	v.Data = d
	v.Version++
}

type Cache[K comparable, V any] struct {
	items map[K]*Versioned[V]
}

func (c *Cache[K, V]) Put(k K, v V) int {
	if c.items == nil {
		c.items = map[K]*Versioned[V]{}
	}
	e, ok := c.items[k]
	if !ok {
		e = &Versioned[V]{}
		c.items[k] = e
	}
	e.Update(v)
	return e.Version
}

func main() {
	var c Cache[string, []int]
	fmt.Println(c.Put("a", []int{1}), c.Put("a", []int{1, 2}), c.Put("b", nil))
	fmt.Printf("%+v\n", *c.items["a"])
}
