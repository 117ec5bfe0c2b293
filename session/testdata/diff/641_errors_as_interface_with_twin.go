// errors.As and assertions into an interface of the cells that a compiled
// package also declares (Temporary, as net's), and errors.Is with a
// target of a named non-struct error type with an Is method: the kernel
// tried only the compiled twin, which yaegi's wrapper of a *NetError does
// not implement (errors.As was false even for the error itself), and
// errors.Is(err, StatusError(500)) was refused (held-out o22).
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Temporary interface{ Temporary() bool }

type NetError struct {
	Op    string
	Retry bool
}

func (e *NetError) Error() string   { return "net " + e.Op + " failed" }
func (e *NetError) Temporary() bool { return e.Retry }

type QueryError struct {
	Query string
	Err   error
}

func (q *QueryError) Error() string { return fmt.Sprintf("query %q: %v", q.Query, q.Err) }
func (q *QueryError) Unwrap() error { return q.Err }

type StatusError int

func (s StatusError) Error() string { return "status " + strconv.Itoa(int(s)) }
func (s StatusError) Is(target error) bool {
	t, ok := target.(StatusError)
	return ok && t%100 == 0 && int(s)/100 == int(t)/100
}

func main() {
	var err error = &NetError{"dial", true}
	var tmp Temporary
	fmt.Println(errors.As(err, &tmp), tmp.Temporary())
	err = fmt.Errorf("x: %w", &NetError{"read", false})
	fmt.Println(errors.As(err, &tmp), tmp.Temporary())
	err = &QueryError{"users", &NetError{"dial", true}}
	if t, ok := err.(Temporary); ok {
		fmt.Println("query error is temporary?", t.Temporary())
	} else {
		fmt.Println("query error is not a Temporary")
	}
	fmt.Println(errors.As(err, &tmp), tmp.Temporary())
	for _, e := range []error{StatusError(503), fmt.Errorf("fetch: %w", StatusError(404)), errors.New("plain")} {
		var se StatusError
		fmt.Println(e, errors.Is(e, StatusError(500)), errors.Is(e, StatusError(400)), errors.As(e, &se), int(se))
	}
	fmt.Printf("%v | %d | %T\n", StatusError(418), StatusError(418), error(StatusError(418)))
}
