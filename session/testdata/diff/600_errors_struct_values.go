// Errors of struct types of the cells with several fields, by value: yaegi
// keeps only the last field of such a value in an error, so err.(E),
// type switches, errors.As, errors.Is with a value target, == of errors
// and an Unwrap method on a value receiver were refused ("the interpreter
// lost the fields of the TransitionError held in this error", a held-out
// state machine). The cell compiler gives such types a method returning
// the value, which the kernel reads; a pointer to one, an embedding
// struct and a wrapped one stay apart.
package main

import (
	"errors"
	"fmt"
)

type VErr struct {
	Field string
	Code  int
}

func (e VErr) Error() string { return fmt.Sprintf("%s: %d", e.Field, e.Code) }

type Outer struct {
	VErr
	Extra string
}

var ErrSentinel = VErr{"sentinel", 0}

func check(n int) error {
	switch n {
	case 0:
		return VErr{"name", 3}
	case 1:
		return fmt.Errorf("wrapped: %w", VErr{"age", 7})
	case 2:
		return &VErr{"ptr", 9}
	case 3:
		return Outer{VErr{"inner", 1}, "x"}
	case 4:
		return ErrSentinel
	}
	return nil
}

func main() {
	for i := 0; i < 5; i++ {
		err := check(i)
		fmt.Println(i, err)
		if v, ok := err.(VErr); ok {
			fmt.Println("  assert VErr", v.Field, v.Code)
		}
		if p, ok := err.(*VErr); ok {
			fmt.Println("  assert *VErr", p.Field, p.Code)
		}
		if o, ok := err.(Outer); ok {
			fmt.Println("  assert Outer", o.Field, o.Extra)
		}
		var ve VErr
		if errors.As(err, &ve) {
			fmt.Println("  as VErr", ve.Field, ve.Code)
		}
		var oe Outer
		if errors.As(err, &oe) {
			fmt.Println("  as Outer", oe.Extra)
		}
		fmt.Println("  is sentinel", errors.Is(err, ErrSentinel), err == ErrSentinel)
		switch e := err.(type) {
		case VErr:
			fmt.Println("  switch VErr", e.Code)
		case *VErr:
			fmt.Println("  switch *VErr", e.Code)
		case Outer:
			fmt.Println("  switch Outer", e.Extra, e.Code)
		default:
			fmt.Printf("  switch default %T\n", e)
		}
	}
}
