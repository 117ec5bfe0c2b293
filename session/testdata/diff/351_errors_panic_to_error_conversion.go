package main

import (
	"errors"
	"fmt"
)

func mustPositive(n int) int {
	if n <= 0 {
		panic(fmt.Errorf("mustPositive: got %d", n))
	}
	return n
}

func safe(n int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = errors.New(fmt.Sprint(r))
			}
		}
	}()
	return mustPositive(n), nil
}

func main() {
	fmt.Println(safe(3))
	fmt.Println(safe(-1))
}
