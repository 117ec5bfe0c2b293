package main

import "fmt"

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.Val + t.Left.Sum() + t.Right.Sum()
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func main() {
	var t *Tree
	fmt.Println(t.Sum())
	for _, v := range []int{5, 3, 8, 1} {
		t = t.Insert(v)
	}
	fmt.Println(t.Sum(), t.Left.Val, t.Right.Val)
}
