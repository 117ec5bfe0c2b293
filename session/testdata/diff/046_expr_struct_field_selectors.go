package main

import "fmt"

type Addr struct{ City string }
type Person struct {
	Name string
	Addr *Addr
	Tags []string
}

func main() {
	p := Person{"Ann", &Addr{"Oslo"}, []string{"x"}}
	pp := &p
	fmt.Println(pp.Name, pp.Addr.City, (*pp).Tags[0])
	pp.Addr.City = "Rome"
	q := p
	q.Name = "Bob"
	fmt.Println(p.Name, p.Addr.City, q.Name, q.Addr.City)
}
