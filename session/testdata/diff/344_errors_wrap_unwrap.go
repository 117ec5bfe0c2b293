package main

import (
	"errors"
	"fmt"
	"io/fs"
)

func open(name string) error {
	return fmt.Errorf("open %s: %w", name, fs.ErrNotExist)
}

func load(name string) error {
	if err := open(name); err != nil {
		return fmt.Errorf("load config: %w", err)
	}
	return nil
}

func main() {
	err := load("app.yaml")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	u := errors.Unwrap(err)
	fmt.Println(u)
	fmt.Println(errors.Unwrap(errors.Unwrap(u)) == nil)
	noWrap := fmt.Errorf("no wrap: %v", fs.ErrNotExist)
	fmt.Println(errors.Is(noWrap, fs.ErrNotExist), errors.Unwrap(noWrap) == nil)
}
