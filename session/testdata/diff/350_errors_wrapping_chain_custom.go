package main

import (
	"errors"
	"fmt"
)

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

var ErrTimeout = errors.New("timeout")

func main() {
	err := &OpError{"read", &OpError{"dial", ErrTimeout}}
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrTimeout))
	var oe *OpError
	errors.As(err, &oe)
	fmt.Println(oe.Op)
	depth := 0
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		depth++
	}
	fmt.Println("depth", depth)
}
