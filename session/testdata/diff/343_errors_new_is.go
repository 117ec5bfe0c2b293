package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func find(k string) error {
	if k == "" {
		return ErrNotFound
	}
	return nil
}

func main() {
	err := find("")
	fmt.Println(err, err == ErrNotFound, errors.Is(err, ErrNotFound))
	other := errors.New("not found")
	fmt.Println(other == ErrNotFound, errors.Is(other, ErrNotFound))
	fmt.Println(find("x") == nil)
}
