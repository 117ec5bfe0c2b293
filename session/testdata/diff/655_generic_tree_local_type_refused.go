// A generic type of two type parameters that refers to itself (yaegi
// hangs building it) instantiated with a type declared inside a function:
// the kernel declares its instances as types of their own, but cannot
// name a local type there, so it refuses this one clearly. Split into
// cells, the type is declared at the top level, and the program runs.
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

func insert[K cmp.Ordered, V any](n *node[K, V], k K, v V) *node[K, V] {
	if n == nil {
		return &node[K, V]{key: k, val: v}
	}
	switch {
	case k < n.key:
		n.left = insert(n.left, k, v)
	case k > n.key:
		n.right = insert(n.right, k, v)
	default:
		n.val = v
	}
	return n
}

func walk[K cmp.Ordered, V any](n *node[K, V], f func(K, V)) {
	if n != nil {
		walk(n.left, f)
		f(n.key, n.val)
		walk(n.right, f)
	}
}

func main() {
	type stock struct{ qty int }
	var root *node[string, stock]
	for i, w := range []string{"pear", "apple", "fig", "apple"} {
		root = insert(root, w, stock{i})
	}
	walk(root, func(k string, s stock) { fmt.Println(k, s.qty) })
}
