// A comparison with a parenthesized name, literal, selector, index or
// unary operand as the left operand of && or ||: yaegi panicked
// ("reflect: call of reflect.Value.Bool on int Value") or got it wrong
// (a == (s.f) || a == 2 was false with a and s.f 1); such parentheses are
// dropped, and the kernel's own lowerings write none.
package main

import "fmt"

type S struct{ f int }

func f() int { return 1 }

func main() {
	a, s, xs := 1, S{1}, []int{1}
	if a == (0) || a == 1 {
		fmt.Println("lit")
	}
	if a == (s.f) || a == 2 {
		fmt.Println("selector")
	}
	if a == (xs[0]) || a == 2 {
		fmt.Println("index")
	}
	if a == (-1) || a == 1 {
		fmt.Println("unary")
	}
	if (a) == 0 || a == 1 {
		fmt.Println("left")
	}
	ok := a != (0) && a == 1
	fmt.Println("assign", ok)
	switch a {
	case 5, f():
		fmt.Println("case call")
	}
	if p := (&S{1}); p.f == (a) && true {
		fmt.Println("composite")
	}
}
