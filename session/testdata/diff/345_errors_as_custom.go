package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Msg   string
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Msg }

func validate(age int) error {
	if age < 0 {
		return fmt.Errorf("validate: %w", &ValidationError{"age", "must be >= 0"})
	}
	return nil
}

func main() {
	err := validate(-5)
	var ve *ValidationError
	if errors.As(err, &ve) {
		fmt.Println("field:", ve.Field, "msg:", ve.Msg)
	}
	fmt.Println(err)
	fmt.Println(errors.As(errors.New("plain"), &ve))
}
