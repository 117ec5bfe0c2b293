// Behaviour of errors of the cells through compiled code: errors.Is calls
// an Is method on a pointer receiver (yaegi's wrapper of an error had
// only Error: errors.Is was false), an error of a struct type asserted to
// an interface it implements (interface{ Temporary() bool }), %#v and %T
// of such errors, in slices, maps and an any.
package main

import (
	"errors"
	"fmt"
)

type StatusErr struct{ Code int }

func (e *StatusErr) Error() string { return fmt.Sprintf("status %d", e.Code) }

func (e *StatusErr) Is(target error) bool {
	t, ok := target.(*StatusErr)
	return ok && (t.Code == 0 || t.Code == e.Code)
}

type Temp struct{ Msg string }

func (t Temp) Error() string   { return t.Msg }
func (t Temp) Temporary() bool { return true }

func main() {
	err := fmt.Errorf("request: %w", &StatusErr{404})
	fmt.Println(errors.Is(err, &StatusErr{404}))
	fmt.Println(errors.Is(err, &StatusErr{500}))
	fmt.Println(errors.Is(err, &StatusErr{}))
	var se *StatusErr
	fmt.Println(errors.As(err, &se), se.Code)
	var e2 error = Temp{"again"}
	if t, ok := e2.(interface{ Temporary() bool }); ok {
		fmt.Println("temporary", t.Temporary())
	}
	fmt.Printf("%v|%s|%q|%+v|%#v\n", e2, e2, e2, e2, e2)
	errs := []error{Temp{"a"}, &StatusErr{1}}
	fmt.Println(errs, len(errs))
	m := map[string]error{"k": Temp{"v"}}
	fmt.Println(m)
	var a any = e2
	fmt.Printf("%v %T\n", a, a)
}
