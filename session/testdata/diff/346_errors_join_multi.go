package main

import (
	"errors"
	"fmt"
)

var (
	ErrA = errors.New("error A")
	ErrB = errors.New("error B")
	ErrC = errors.New("error C")
)

func main() {
	j := errors.Join(ErrA, nil, ErrB)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrA), errors.Is(j, ErrB), errors.Is(j, ErrC))
	fmt.Println(errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("both: %w and %w", ErrA, ErrC)
	fmt.Println(multi, errors.Is(multi, ErrC), errors.Unwrap(multi) == nil)
	if u, ok := multi.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()))
	}
}
