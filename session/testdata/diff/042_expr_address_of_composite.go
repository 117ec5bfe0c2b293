package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func main() {
	list := &Node{1, &Node{2, &Node{3, nil}}}
	for n := list; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	ip := &[]int{1, 2}
	*ip = append(*ip, 3)
	fmt.Println(*ip, len(*ip))
	mp := &map[string]int{"a": 1}
	(*mp)["b"] = 2
	fmt.Println(len(*mp))
}
