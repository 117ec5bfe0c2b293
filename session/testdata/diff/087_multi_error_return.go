package main

import (
	"errors"
	"fmt"
)

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	return len(s), nil
}

func both(a, b string) (int, error) {
	x, err := parse(a)
	if err != nil {
		return 0, fmt.Errorf("a: %w", err)
	}
	y, err := parse(b)
	if err != nil {
		return 0, fmt.Errorf("b: %w", err)
	}
	return x + y, nil
}

func main() {
	fmt.Println(both("ab", "cde"))
	fmt.Println(both("ab", ""))
	fmt.Println(both("", "x"))
}
