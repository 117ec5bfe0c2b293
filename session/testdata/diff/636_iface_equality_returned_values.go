// == of values of an interface type of the cells made by a conversion
// (State(SoldOut{}), Expr(Var("a"))) or stored in a struct field: yaegi
// holds such a value in a wrapper without its type inside another, so
// the kernel's comparison found no type and answered false (a state
// machine never saw its SoldOut state, two equal notifiers were unequal;
// held-out o04, o05, o11, o12). And %+v of a struct whose embedded
// interface field is nil printed yaegi's empty wrapper.
package main

import "fmt"

type State interface{ Name() string }
type SoldOut struct{}
type HasMoney struct{ Amount int }

func (SoldOut) Name() string  { return "soldout" }
func (HasMoney) Name() string { return "hasmoney" }

type Expr interface{ Eval() float64 }
type Num float64
type Var string

func (n Num) Eval() float64 { return float64(n) }
func (v Var) Eval() float64 { return 0 }

type Store interface{ Get(string) string }
type Mem struct{ m map[string]string }

func (s *Mem) Get(k string) string { return s.m[k] }

type ReadOnly struct{ Store }

type Machine struct{ state State }

func (m *Machine) Sell(stock int) {
	if stock == 0 {
		m.state = SoldOut{}
	} else {
		m.state = HasMoney{stock}
	}
}

func main() {
	var st State = SoldOut{}
	fmt.Println(st == State(SoldOut{}), State(HasMoney{5}) == State(HasMoney{5}), State(HasMoney{5}) == State(HasMoney{6}))
	fmt.Println(Num(1) == Num(1.0), Expr(Var("a")) == Expr(Var("a")), Expr(Num(0)) == Expr(Var("")))
	m := &Machine{}
	for _, stock := range []int{3, 0} {
		m.Sell(stock)
		fmt.Println(m.state == State(SoldOut{}), m.state != State(HasMoney{3}), m.state.Name())
	}
	mem := &Mem{}
	ro := ReadOnly{mem}
	fmt.Println(ro.Store == Store(mem), ro.Store == Store(&Mem{}))
	var empty ReadOnly
	fmt.Printf("%+v %v %v\n", empty, empty.Store == nil, ro.Store != nil)
}
