package main

import "fmt"

type Counter struct{ n int }

func (c Counter) ValueInc()    { c.n++ }
func (c *Counter) PointerInc() { c.n++ }
func (c Counter) Get() int     { return c.n }

func main() {
	var c Counter
	c.ValueInc()
	fmt.Println(c.Get())
	c.PointerInc()
	fmt.Println(c.Get())
	p := &c
	p.ValueInc()
	p.PointerInc()
	fmt.Println(p.Get(), c.n)
}
