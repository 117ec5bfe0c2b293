// errors.As and assertions into struct error types of the cells through
// errors of named non-struct types (the session's typed wrappers).
package main

import (
	"errors"
	"fmt"
)

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type Field struct{ Name, Msg string }

func (f Field) Error() string { return f.Name + ": " + f.Msg }

type Other struct{ A, B int }

func (o Other) Error() string { return "other" }

func main() {
	errs := []error{Code(3), Field{"x", "bad"}, fmt.Errorf("w: %w", Code(4))}
	for _, e := range errs {
		var f Field
		var c Code
		fmt.Println(errors.As(e, &f), f, errors.As(e, &c), c)
		if v, ok := e.(Field); ok {
			fmt.Println("field", v.Name)
		}
	}
}
