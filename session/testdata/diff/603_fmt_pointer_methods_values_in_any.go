// A struct value of a type with an interface field (Value any) and an
// Error or String method on its pointer printed by value: fmt prints its
// fields (the value's method set has no Error), but the kernel, which
// cannot tell such types apart by their fields, refused it ("fmt of a
// value the interpreter kept without its type") though the operand's
// static type said it (a held-out validation program). Writing this
// found a silent wrong output: fmt called a String method on a pointer
// receiver for a value in an any ({1 2} printed as P!): the cell
// compiler registered such methods for the value type too (it read the
// receiver's text after a line directive).
package main

import (
	"errors"
	"fmt"
)

type FieldError struct {
	Field  string
	Value  any
	Reason string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("field %s=%v: %s", e.Field, e.Value, e.Reason)
}

type Setting struct {
	Key string
	Val any
}

func (s *Setting) String() string { return s.Key + "=" + fmt.Sprint(s.Val) }

type P struct{ X, Y int }

func (p *P) String() string { return "P!" }

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func main() {
	err := errors.Join(&FieldError{"email", "x", "missing @"}, &FieldError{"age", 3, "out of range"})
	fmt.Println(err)
	var fe *FieldError
	if errors.As(err, &fe) {
		fmt.Printf("first: %+v\n", *fe)
	}
	v := *fe
	fmt.Printf("%+v|%v|%s\n", v, v, fe)
	s := Setting{"level", Level(1)}
	fmt.Println(s, &s)
	fmt.Printf("%v %+v\n", s, []Setting{s, {"n", 2}})
	var a any = s
	fmt.Println(a)
	var b any = P{1, 2}
	fmt.Println(b, &P{3, 4})
	fmt.Printf("%v %s %v\n", b, a, []any{b, &s})
}
