// Go 1.26: new(expr) makes a variable holding the value of expr; yaegi
// made a pointer to a zero value (new(4) pointed to 0, so a step limit
// of a state machine was 0).
package main

import "fmt"

type P struct{ X int }

func main() {
	a := new(4)
	b := new(int)
	s := "hi"
	c := new(s + "!")
	d := new(P{3})
	e := new([]int{1, 2})
	var f *float64 = new(2.5)
	ps := []*int{}
	for i := range 3 {
		ps = append(ps, new(i*10))
	}
	fmt.Println(*a, *b, *c, *d, *e, *f, *ps[0], *ps[1], *ps[2])
	*a = 7
	fmt.Println(*a, new(P) != nil)
}

func init() {
	x := new([]int)
	y := new(map[string]int)
	z := new(struct{ A int })
	w := new(func())
	v := new([2]int)
	u := new(chan int)
	fmt.Println(*x == nil, *y == nil, *z, *w == nil, *v, *u == nil)
}
