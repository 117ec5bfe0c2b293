// errors.As calls an As method of the cells' errors; an error type with
// Unwrap() []error (errors.Join's kind) is walked by errors.Is and As.
package main

import (
	"errors"
	"fmt"
	"strings"
)

var ErrEmpty = errors.New("empty")

type HTTPError struct {
	Code int
	Msg  string
}

func (e *HTTPError) Error() string { return fmt.Sprintf("http %d: %s", e.Code, e.Msg) }

type legacy struct{ code int }

func (l legacy) Error() string { return fmt.Sprint("legacy ", l.code) }

func (l legacy) As(target any) bool {
	if p, ok := target.(**HTTPError); ok {
		*p = &HTTPError{l.code * 100, "converted"}
		return true
	}
	return false
}

type FieldError struct {
	Field string
	Err   error
}

func (f *FieldError) Error() string { return f.Field + ": " + f.Err.Error() }
func (f *FieldError) Unwrap() error { return f.Err }

type Problems []error

func (p Problems) Error() string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

func (p Problems) Unwrap() []error { return p }

func check(name string) error {
	var ps Problems
	if name == "" {
		ps = append(ps, &FieldError{"name", ErrEmpty})
	}
	ps = append(ps, legacy{5})
	return ps
}

func main() {
	var he *HTTPError
	fmt.Println(errors.As(legacy{4}, &he), he)
	wrapped := fmt.Errorf("call: %w", legacy{3})
	fmt.Println(errors.As(wrapped, &he), he.Code)

	err := check("")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrEmpty))
	var fe *FieldError
	fmt.Println(errors.As(err, &fe), fe.Field)
	fmt.Println(errors.As(err, &he), he)
	var ps Problems
	fmt.Println(errors.As(fmt.Errorf("x: %w", err), &ps), len(ps))
	fmt.Println(errors.Is(check("bo"), ErrEmpty))
}
