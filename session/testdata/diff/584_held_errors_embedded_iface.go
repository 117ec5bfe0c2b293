// Held-out finds: errors.Unwrap(wrapped) == err with err of an error
// type of the cells panicked ("comparing uncomparable type
// interp._error"); a struct embedding an interface of the cells was not
// that interface for yaegi ("impossible type assertion: Labeled does not
// implement Shape").
package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
}

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Named struct{ Name string }

func (n Named) Describe() string { return "named " + n.Name }

type Labeled struct {
	Named
	Shape
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Sq:
		return "sq"
	case Labeled:
		return v.Describe() + " wrapping " + describe(v.Shape)
	}
	return "?"
}

type ErrNegativeSqrt float64

func (e ErrNegativeSqrt) Error() string {
	return fmt.Sprintf("cannot Sqrt negative number: %v", float64(e))
}

func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegativeSqrt(x)
	}
	return x / 2, nil
}

func main() {
	l := Labeled{Named{"x"}, Sq{2}}
	fmt.Println(l.Area(), describe(l), describe(Sq{1}))
	var s Shape = l
	if v, ok := s.(Labeled); ok {
		fmt.Println("labeled", v.Name)
	}
	_, err := Sqrt(-16)
	wrapped := fmt.Errorf("compute: %w", err)
	fmt.Println(wrapped, errors.Unwrap(wrapped) == err, errors.Unwrap(wrapped) != nil)
	var neg ErrNegativeSqrt
	fmt.Println(errors.As(wrapped, &neg), float64(neg))
}
