package main

import "fmt"

type L1 struct{ A int }

func (l L1) Hello() string { return fmt.Sprint("L1 hello ", l.A) }

type L2 struct {
	L1
	B int
}
type L3 struct {
	*L2
	C int
}

func main() {
	x := L3{&L2{L1{1}, 2}, 3}
	fmt.Println(x.A, x.B, x.C)
	fmt.Println(x.Hello())
	x.A = 10
	fmt.Println(x.L2.L1.A, x.Hello())
}
