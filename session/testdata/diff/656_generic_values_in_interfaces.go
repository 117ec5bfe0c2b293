// Values of the cells' generic types in interfaces: %T names them as Go
// does (main.Pair[string,int], not the instance the kernel declares),
// an error or Stringer of a generic struct type asserted back to it
// keeps its fields (yaegi kept the last one only), errors.As finds it.
package main

import (
	"errors"
	"fmt"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type E[T any] struct{ v T }

func (e E[T]) Error() string { return fmt.Sprint("bad ", e.v) }

func main() {
	var a any = Pair[string, int]{"a", 1}
	fmt.Printf("%T %v %+v\n", a, a, a)
	var s fmt.Stringer = Pair[string, int]{"b", 2}
	p, ok := s.(Pair[string, int])
	fmt.Println(p.Key, ok, s)
	var err error = E[int]{3}
	var e E[int]
	fmt.Println(errors.As(err, &e), e.v, err)
	x, ok2 := err.(E[int])
	fmt.Println(x.v, ok2)
	m := map[Pair[string, int]]int{}
	m[Pair[string, int]{"k", 1}]++
	fmt.Println(len(m))
}
