package main

import "fmt"

type A interface {
	Foo() string
	Bar() string
}
type B interface {
	Foo() string
	Baz() string
}
type AB interface {
	A
	B
}

type impl struct{}

func (impl) Foo() string { return "foo" }
func (impl) Bar() string { return "bar" }
func (impl) Baz() string { return "baz" }

func main() {
	var x AB = impl{}
	fmt.Println(x.Foo(), x.Bar(), x.Baz())
	var a A = x
	b := a.(B)
	fmt.Println(b.Baz())
}
