package main

import "fmt"

type Validator interface{ Validate() error }

type Age int

func (a Age) Validate() error {
	if a < 0 {
		return fmt.Errorf("negative age %d", a)
	}
	return nil
}

type Name string

func (n Name) Validate() error {
	if n == "" {
		return fmt.Errorf("empty name")
	}
	return nil
}

func main() {
	vs := []Validator{Age(3), Age(-1), Name(""), Name("x")}
	for _, v := range vs {
		if err := v.Validate(); err != nil {
			fmt.Println("invalid:", err)
		} else {
			fmt.Printf("valid %T %v\n", v, v)
		}
	}
}
