package main

// errors.Is through an error of a struct type of the cells whose Unwrap
// method has a value receiver (yaegi keeps only the last field of such a
// value in an error: refused clearly).

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

func (r Retry) Error() string { return fmt.Sprintf("after %d tries: %v", r.N, r.Err) }
func (r Retry) Unwrap() error { return r.Err }

func transfer(amount int) error {
	if amount > 100 {
		return &TransferError{"alice", "bob", ErrInsufficient}
	}
	return nil
}

func open() error {
	_, err := os.Open("/no/such/file")
	return Retry{3, &TransferError{"disk", "mem", err}}
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
