package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type P struct{ name string }

func (p *P) String() string {
	if p == nil {
		panic("nil")
	}
	return "P:" + p.name
}

type E struct{ c int }

func (e E) Error() string { return fmt.Sprint("E", e.c) }

type B byte

func (b B) String() string { return "b" }

type Inner struct {
	T    Temp
	Ts   []Temp
	hid  Temp
	Errs [2]E
}

type Outer struct {
	In  Inner
	M   map[string]Temp
	Ptr *P
	Ps  []*P
	N   int
	in  Inner
}

type Rec struct {
	V    Temp
	Next *Rec
}

func main() {
	o := Outer{In: Inner{T: 1, Ts: []Temp{2, 3}, hid: 4}, M: map[string]Temp{"b": 5, "a": 6}, Ptr: &P{"x"}, Ps: []*P{{"y"}, nil}, N: 7, in: Inner{T: 8}}
	fmt.Println(o.In, o.M, o.Ps, o.N)
	fmt.Printf("%v|%s|%q|%x\n", o.In, o.In.Ts, o.In.Ts, o.M)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%+v\n", o.in)
	fmt.Println(&o.In)
	fmt.Print(o.In, []Temp{1}, "\n")
	fmt.Println([]B{1, 2}, map[int]Temp{1: 2})
	fmt.Printf("%s %v\n", []B{65}, [2]B{65, 66})
	s := fmt.Sprint([]error{E{1}, errors.New("x")}, []E{{2}})
	fmt.Println(s)
	fmt.Println(Rec{V: 1, Next: &Rec{V: 2}}.V, []Rec{{V: 3}}[0].V)
	fmt.Printf("%6v|%-8v|\n", []Temp{1}, struct{ A Temp }{2})
	var np *Inner
	fmt.Println(np, []*Inner{nil}[0] == nil)
	err := fmt.Errorf("wrap %v", []Temp{9})
	fmt.Println(err)
}
