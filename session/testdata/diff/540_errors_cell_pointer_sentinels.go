package main

import (
	"errors"
	"fmt"
)

type QueryError struct {
	Query string
	Code  int
}

func (e *QueryError) Error() string { return fmt.Sprintf("query %q failed (%d)", e.Query, e.Code) }

var ErrNotFound = &QueryError{"select", 404}
var ErrTimeout = errors.New("timeout")

func run(q string) error {
	switch q {
	case "missing":
		return fmt.Errorf("run %s: %w", q, ErrNotFound)
	case "slow":
		return fmt.Errorf("run %s: %w", q, ErrTimeout)
	case "both":
		return errors.Join(ErrNotFound, ErrTimeout)
	}
	return nil
}

func main() {
	for _, q := range []string{"ok", "missing", "slow", "both"} {
		err := run(q)
		fmt.Println(q, err, errors.Is(err, ErrNotFound), errors.Is(err, ErrTimeout))
	}
	w := fmt.Errorf("outer: %w", run("missing"))
	fmt.Println(w)
	fmt.Println(errors.Is(w, ErrNotFound), errors.Is(w, &QueryError{"select", 404}))
	var qe *QueryError
	if u := errors.Unwrap(errors.Unwrap(w)); u != nil {
		qe, _ = u.(*QueryError)
	}
	fmt.Println(qe.Code, qe == ErrNotFound)
}
