package main

import "fmt"

type Inc interface{ Inc() }

type Counter struct{ N int }

func (c *Counter) Inc() { c.N++ }

type ByValue struct{ Counter }
type ByPtr struct{ *Counter }

func main() {
	bv := &ByValue{}
	var i Inc = bv
	i.Inc()
	fmt.Println(bv.N)
	bp := ByPtr{&Counter{}}
	i = bp
	i.Inc()
	i.Inc()
	fmt.Println(bp.N)
}
