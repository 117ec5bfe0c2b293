// Pointers to the cells' types with methods becoming interface values in
// loops: yaegi held each by reference to the slot of the expression (&ps[i],
// &P{i}, a call's result), so every element was the last pointer, and a
// variable's later value showed through an interface made from it.
package main

import "fmt"

type P struct{ N int }

func (p *P) Step()          { p.N++ }
func (p *P) String() string { return fmt.Sprint("P", p.N) }

type Mover interface{ Step() }

func get(ps []P, i int) *P { return &ps[i] }

func newP(n int) *P { return &P{n} }

type Q struct{ N int }

func main() {
	ps := []P{{1}, {2}, {3}}
	p := &ps[0]
	var m Mover = p
	p = &ps[1]
	m.Step()
	fmt.Println(ps, m, p)
	ch := make(chan Mover, 3)
	for i := range ps {
		ch <- &ps[i]
	}
	close(ch)
	for m := range ch {
		m.Step()
	}
	fmt.Println(ps)
	ms := map[string]fmt.Stringer{}
	for i, n := range []string{"a", "b", "c"} {
		ms[n] = get(ps, i)
	}
	fmt.Println(ms["a"], ms["b"], ms["c"])
	var st []fmt.Stringer
	for i := range ps {
		st = append(st, fmt.Stringer(&ps[i]))
	}
	fmt.Println(st)
	f := func(i int) Mover { return &ps[i] }
	var r []Mover
	for i := range 3 {
		r = append(r, f(i))
	}
	for _, m := range r {
		m.Step()
	}
	fmt.Println(ps)
	var a []Mover
	for i := range 3 {
		a = append(a, &P{i})
	}
	fmt.Println(a[0], a[1], a[2])
	var b []Mover
	for i := range 3 {
		b = append(b, newP(i))
	}
	fmt.Println(b[0], b[1], b[2])
	qs := []Q{{1}, {2}, {3}}
	var c []any
	for i := range qs {
		c = append(c, &qs[i])
	}
	fmt.Println(c[0], c[1], c[2])
	ns := []int{1, 2, 3}
	var d []any
	for i := range ns {
		d = append(d, &ns[i])
	}
	fmt.Println(*d[0].(*int), *d[1].(*int), *d[2].(*int))
}
