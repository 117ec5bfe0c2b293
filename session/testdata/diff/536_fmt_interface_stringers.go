package main

import "fmt"

type S interface{ String() string }

type Named struct{ n string }

func (n Named) String() string { return "N:" + n.n }

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64  { return q.s * q.s }
func (q Sq) String() string { return "Sq" }

func main() {
	var s S = Named{"a"}
	fmt.Println(s)
	var sh Shape = Sq{2}
	fmt.Println(sh, []S{Named{"c"}})
	fmt.Printf("%v %s\n", s, sh)
}
