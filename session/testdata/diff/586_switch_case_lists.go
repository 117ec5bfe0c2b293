// Case lists of boolean switches: yaegi tested only the first expression
// of `case a == 0, b == 0:` in a switch without a tag (the elevator of a
// held-out program kept going down), and stopped at the first false
// comparison with a bool tag. Lists become disjunctions, evaluated left
// to right with Go's short circuit; a bool tag is compared in each.
package main

import "fmt"

type B bool
type C bool

func f(s string, v bool) bool { fmt.Print(s, " "); return v }

func main() {
	a, b := 1, 0
	switch {
	case a == 0, b == 0:
		fmt.Println("t1 ok")
	default:
		fmt.Println("t1 WRONG")
	}
	switch {
	case a == 0 && b == 1,
		// a comment between
		b == 0 && a == 1:
		fmt.Println("t2 ok")
	default:
		fmt.Println("t2 WRONG")
	}
	t := true
	switch t {
	case a == 0, b == 0, a == 5:
		fmt.Println("t3 ok")
	default:
		fmt.Println("t3 WRONG")
	}
	switch x := a + 1; t {
	case x == 0, x == 2:
		fmt.Println("t4 ok")
	}
	var p B = a == 1
	var q B = b == 1
	switch p {
	case q, !q:
		fmt.Println("t5 named", p, q)
	}
	switch {
	case f("a", false), f("b", true), f("c", true):
		fmt.Println("t6 short-circuit")
	}
L:
	for i := range 4 {
		switch {
		case i == 0, i == 2:
			fmt.Println("even", i)
		case i == 3, i == 9:
			break L
		default:
			fmt.Println("odd", i)
		}
	}
	switch false {
	case a == 1, b == 1:
		fmt.Println("t7 ok")
	}
}
