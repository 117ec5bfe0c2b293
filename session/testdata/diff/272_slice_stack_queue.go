package main

import "fmt"

func main() {
	var q []string
	q = append(q, "a", "b", "c")
	for len(q) > 0 {
		head := q[0]
		q = q[1:]
		fmt.Print(head, " ")
		if head == "a" {
			q = append(q, "d")
		}
	}
	fmt.Println()
	st := []int{}
	for i := range 3 {
		st = append(st, i)
	}
	for len(st) > 0 {
		fmt.Print(st[len(st)-1], " ")
		st = st[:len(st)-1]
	}
	fmt.Println()
}
