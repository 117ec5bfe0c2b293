package main

import "fmt"

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("code ", e.code) }

type valErr struct{ msg string }

func (e valErr) Error() string { return e.msg }

type Mover interface{ Move() string }

type Car struct{ name string }

func (c *Car) Move() string { return c.name + " moves" }

type Bike struct {
	name  string
	gears int
}

func (b Bike) Move() string { return b.name + " rolls" }

func get() error { return &myErr{3} }

func main() {
	var a any = get()
	if e, ok := a.(error); ok {
		fmt.Println("error", e)
	}
	if m, ok := a.(*myErr); ok {
		fmt.Println("myErr", m.code)
	}
	var err error = valErr{"v"}
	var b any = err
	v, ok := b.(valErr)
	fmt.Println(v.msg, ok)
	_, ok = b.(error)
	fmt.Println(ok)
	_, ok = b.(fmt.Stringer)
	fmt.Println(ok)
	var e2 error = &myErr{4}
	var c any = e2
	_, ok = c.(error)
	fmt.Println(ok)
	_, ok = c.(*myErr)
	fmt.Println(ok)
	var d any = valErr{"x"}
	_, ok = d.(error)
	fmt.Println(ok)
	fmt.Println(d.(error).Error())
	switch x := b.(type) {
	case valErr:
		fmt.Println("valErr", x.msg)
	}
	switch b.(type) {
	case error:
		fmt.Println("error")
	}
	for _, x := range []any{Car{"c"}, &Car{"pc"}, Bike{"b", 3}, &Bike{"pb", 5}, 3} {
		m, ok := x.(Mover)
		if ok {
			fmt.Println(m.Move())
		} else {
			fmt.Println("not a Mover")
		}
	}
}
