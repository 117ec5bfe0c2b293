// Errors of struct types by value through a chain: an Unwrap method on a
// value receiver, errors.Is with targets of the cells' value types, errors.As
// into value and compiled types, %T, errors.Join of them.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type ParseErr struct {
	Line int
	Col  int
	Err  error
}

func (e ParseErr) Error() string {
	return "line " + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": " + e.Err.Error()
}
func (e ParseErr) Unwrap() error { return e.Err }

var ErrEOF = errors.New("unexpected eof")

type Code struct {
	N    int
	Name string
}

func (c Code) Error() string { return c.Name }

func parse(s string) error {
	if s == "" {
		return ParseErr{1, 5, ErrEOF}
	}
	if s == "x" {
		return ParseErr{2, 1, Code{404, "nf"}}
	}
	_, err := strconv.Atoi(s)
	if err != nil {
		return ParseErr{3, 2, err}
	}
	return nil
}

func main() {
	for _, s := range []string{"", "x", "abc", "12"} {
		err := parse(s)
		fmt.Printf("%q: %v\n", s, err)
		if err == nil {
			continue
		}
		fmt.Printf("  %T %+v\n", err, err)
		fmt.Println("  is EOF:", errors.Is(err, ErrEOF), "is nf:", errors.Is(err, Code{404, "nf"}), errors.Is(err, Code{404, "other"}))
		var ne *strconv.NumError
		fmt.Println("  as NumError:", errors.As(err, &ne))
		var c Code
		if errors.As(err, &c) {
			fmt.Println("  as Code:", c.N, c.Name)
		}
		var pe ParseErr
		if errors.As(err, &pe) {
			fmt.Println("  as ParseErr:", pe.Line, pe.Col)
		}
		fmt.Println("  unwrap:", errors.Unwrap(err))
		errs := []error{err, Code{1, "a"}}
		fmt.Println("  joined:", errors.Join(errs...))
		fmt.Printf("  %#v\n", Code{1, "b"})
	}
}
