// A function literal with unnamed parameters (func(int) *strings.Builder
// { return new(strings.Builder) }, a pool's factory): yaegi gave the
// unnamed parameter's slot to the value the body made ("reflect.Set:
// value of type int is not assignable to type strings.Builder").
package main

import (
	"fmt"
	"strings"
)

type Pool struct {
	max     int
	factory func(id int) *strings.Builder
	free    []*strings.Builder
	created int
}

func (p *Pool) Get() (*strings.Builder, bool) {
	if n := len(p.free); n > 0 {
		v := p.free[n-1]
		p.free = p.free[:n-1]
		return v, true
	}
	if p.created >= p.max {
		var zero *strings.Builder
		return zero, false
	}
	p.created++
	return p.factory(p.created), true
}

func main() {
	bufs := &Pool{max: 2, factory: func(int) *strings.Builder { return new(strings.Builder) }}
	b, _ := bufs.Get()
	b.WriteString("hello")
	fmt.Println("buffer:", b.String())
	sum := func(int, ...int) int { return 7 }
	pick := func(string, bool) (string, error) { return "x", nil }
	s, err := pick("a", true)
	fmt.Println(sum(1, 2, 3), s, err)
}
