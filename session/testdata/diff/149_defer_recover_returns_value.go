package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(safeDiv(10, 2))
	q, err := safeDiv(1, 0)
	fmt.Println(q, err)
	var re interface{ RuntimeError() }
	fmt.Println(errors.As(err, &re))
}
