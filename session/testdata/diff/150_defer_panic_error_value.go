package main

import (
	"errors"
	"fmt"
)

var ErrBoom = errors.New("boom")

func risky() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			err = fmt.Errorf("unknown: %v", r)
		}
	}()
	panic(ErrBoom)
}

func main() {
	err := risky()
	fmt.Println(err, errors.Is(err, ErrBoom))
}
