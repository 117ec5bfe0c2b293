package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// errors.As into the program's own error types: pointer and value
// receivers, interfaces, chains made by fmt.Errorf, errors.Join and an
// Unwrap method.

type NotFound struct {
	Key string
}

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Temporary interface {
	error
	Temporary() bool
}

type netErr struct{ msg string }

func (e *netErr) Error() string   { return e.msg }
func (e *netErr) Temporary() bool { return true }

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func lookup(key string) error {
	switch key {
	case "a":
		return nil
	case "b":
		return fmt.Errorf("lookup %q: %w", key, &NotFound{key})
	case "c":
		return fmt.Errorf("lookup: %w", Code(503))
	case "d":
		return &QueryError{"select d", &netErr{"connection reset"}}
	}
	return errors.Join(errors.New("first"), &NotFound{key})
}

func main() {
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		err := lookup(k)
		var nf *NotFound
		var code Code
		var tmp Temporary
		var qe *QueryError
		fmt.Printf("%s: %v | nf=%v", k, err, errors.As(err, &nf))
		if nf != nil {
			fmt.Printf("(%s)", nf.Key)
		}
		fmt.Printf(" code=%v(%d) tmp=%v", errors.As(err, &code), int(code), errors.As(err, &tmp))
		if tmp != nil {
			fmt.Printf("(%v)", tmp.Temporary())
		}
		if errors.As(err, &qe) {
			fmt.Printf(" query=%q", qe.Query)
		}
		fmt.Println()
	}
	_, err := os.Open("/no/such/file")
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, fs.ErrNotExist))
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", &NotFound{"deep"}))
	var nf *NotFound
	if errors.As(wrapped, &nf) {
		nf.Key = "changed"
	}
	fmt.Println(wrapped)
}
