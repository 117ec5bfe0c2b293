package main

import (
	"errors"
	"fmt"
)

// Explicit conversions to interface types, then assignments of other
// values of those types to the same variables.

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

type Meters float64

func (m Meters) String() string { return fmt.Sprintf("%.1fm", float64(m)) }

type Walker interface{ Walk() string }

type Dog struct{ Name string }

func (d Dog) Walk() string { return d.Name + " walks" }

type Cat struct{ Name string }

func (c *Cat) Walk() string { return c.Name + " strolls" }

var ErrTimeout = errors.New("timeout")

func main() {
	err := &OpError{"read", &OpError{"dial", ErrTimeout}}
	depth := 0
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		depth++
		fmt.Println(depth, e)
	}
	e := error(err)
	e = errors.New("replaced")
	fmt.Println(e, errors.Is(err, ErrTimeout))

	s := fmt.Stringer(Meters(2.5))
	fmt.Println(s)
	s = Meters(4)
	fmt.Println(s)

	w := Walker(Dog{"rex"})
	fmt.Println(w.Walk())
	w = &Cat{"tom"}
	fmt.Println(w.Walk())
	ws := []Walker{Walker(Dog{"a"}), &Cat{"b"}}
	for _, x := range ws {
		fmt.Println(x.Walk())
	}
}
