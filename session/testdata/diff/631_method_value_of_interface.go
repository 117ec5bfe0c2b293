// A method value of an interface value (str := s.String of a
// fmt.Stringer, area := sh.Area of a Shape) binds the value the interface
// holds when it is made: yaegi read the variable when the method value
// was called, so after s = Vec{0, 0} the bound stringer printed (0,0)
// (held-out t19).
package main

import (
	"fmt"
	"io"
	"strings"
)

type Vec struct{ X, Y int }

func (v Vec) String() string { return fmt.Sprintf("(%d,%d)", v.X, v.Y) }

type Shape interface{ Area() float64 }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

func main() {
	var s fmt.Stringer = Vec{9, 9}
	str := s.String
	s = Vec{0, 0}
	fmt.Println("bound:", str(), "current:", s.String())

	var sh Shape = Sq(2)
	area := sh.Area
	sh = Sq(5)
	fmt.Println(area(), sh.Area())

	var w io.Writer = &strings.Builder{}
	write := w.Write
	var other strings.Builder
	w = &other
	write([]byte("first"))
	fmt.Fprint(w, "second")
	fmt.Println(other.String())

	fs := []func() string{}
	for _, v := range []fmt.Stringer{Vec{1, 2}, Vec{3, 4}} {
		fs = append(fs, v.String)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
