package main

import (
	"fmt"
	"sort"
)

type Calc struct{ acc int }

func (c *Calc) Add(n int) { c.acc += n }
func (c *Calc) Sub(n int) { c.acc -= n }
func (c *Calc) Mul(n int) { c.acc *= n }

func main() {
	c := &Calc{}
	ops := map[string]func(int){"add": c.Add, "sub": c.Sub, "mul": c.Mul}
	prog := []struct {
		op string
		n  int
	}{{"add", 5}, {"mul", 4}, {"sub", 3}}
	for _, p := range prog {
		ops[p.op](p.n)
	}
	fmt.Println(c.acc)
	names := make([]string, 0)
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Println(names)
}
