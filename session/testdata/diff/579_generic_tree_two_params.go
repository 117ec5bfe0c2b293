// A generic type of two type parameters that refers to itself (a tree
// map's node): yaegi hung or overflowed its stack (a fatal error of the
// worker) building it; the kernel refuses it with a clear error.
package main

import (
	"cmp"
	"fmt"
)

type node[K cmp.Ordered, V any] struct {
	key         K
	val         V
	left, right *node[K, V]
}

type TreeMap[K cmp.Ordered, V any] struct {
	root *node[K, V]
	size int
}

func (t *TreeMap[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(k, (*p).key); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			(*p).val = v
			return
		}
	}
	*p = &node[K, V]{key: k, val: v}
	t.size++
}

func (t *TreeMap[K, V]) Walk(f func(K, V)) {
	var walk func(n *node[K, V])
	walk = func(n *node[K, V]) {
		if n != nil {
			walk(n.left)
			f(n.key, n.val)
			walk(n.right)
		}
	}
	walk(t.root)
}

func main() {
	var t TreeMap[string, int]
	for i, w := range []string{"pear", "apple", "fig", "apple"} {
		t.Put(w, i)
	}
	t.Walk(func(k string, v int) { fmt.Println(k, v) })
	fmt.Println(t.size)
}
