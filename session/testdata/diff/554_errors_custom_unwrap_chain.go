package main

// errors.Is and errors.Unwrap through errors of the cells' types with an
// Unwrap method, returned as error.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var ErrInsufficient = errors.New("insufficient funds")

type TransferError struct {
	From, To string
	Err      error
}

func (e *TransferError) Error() string {
	return "transfer " + e.From + "->" + e.To + ": " + e.Err.Error()
}
func (e *TransferError) Unwrap() error { return e.Err }

type Retry struct {
	N   int
	Err error
}

func (r *Retry) Error() string { return fmt.Sprintf("after %d tries: %v", r.N, r.Err) }
func (r *Retry) Unwrap() error { return r.Err }

func transfer(amount int) error {
	if amount > 100 {
		return &TransferError{"alice", "bob", ErrInsufficient}
	}
	return nil
}

func open() error {
	_, err := os.Open("/no/such/file")
	return &Retry{3, &TransferError{"disk", "mem", err}}
}

func main() {
	err := transfer(500)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrInsufficient), errors.Is(err, fs.ErrNotExist))
	fmt.Println(errors.Unwrap(err) == ErrInsufficient, errors.Unwrap(errors.Unwrap(err)))
	wrapped := fmt.Errorf("payday: %w", err)
	fmt.Println(errors.Is(wrapped, ErrInsufficient))
	e2 := open()
	fmt.Println(errors.Is(e2, fs.ErrNotExist), errors.Is(e2, ErrInsufficient))
	fmt.Println(transfer(5) == nil, errors.Is(transfer(5), ErrInsufficient))
}
