// errors.As into a compiled type (*strconv.NumError) through an error of
// the cells with an Unwrap method: compiled errors.As does not see the
// cells' methods, so it was false (a held-out program counted 0 syntax
// errors); the kernel's walk of the chain follows them after it.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

func parse(line int, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{line, err}
	}
	return n, nil
}

func main() {
	for i, s := range []string{"12", "x7", "99999999999999999999"} {
		_, err := parse(i+1, s)
		var numErr *strconv.NumError
		if errors.As(err, &numErr) {
			fmt.Println(i+1, "NumError:", numErr.Func, numErr.Num, errors.Is(numErr.Err, strconv.ErrSyntax), errors.Is(numErr.Err, strconv.ErrRange))
		} else {
			fmt.Println(i+1, "ok", err)
		}
	}
	_, err := os.Open("/nonexistent/file")
	wrapped := &ParseError{7, fmt.Errorf("opening: %w", err)}
	var pe *fs.PathError
	fmt.Println(errors.As(wrapped, &pe), pe.Op, pe.Path)
	var target *ParseError
	fmt.Println(errors.As(fmt.Errorf("outer: %w", wrapped), &target), target.Line)
}
