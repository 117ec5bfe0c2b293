package main

import (
	"fmt"
	"strconv"
)

func Parse[T int | float64 | bool | string](s string) (T, error) {
	var zero T
	var v any
	var err error
	switch any(zero).(type) {
	case int:
		v, err = strconv.Atoi(s)
	case float64:
		v, err = strconv.ParseFloat(s, 64)
	case bool:
		v, err = strconv.ParseBool(s)
	case string:
		v = s
	}
	if err != nil {
		return zero, err
	}
	return v.(T), nil
}

func main() {
	i, err := Parse[int]("42")
	fmt.Println(i, err)
	f, _ := Parse[float64]("2.5")
	b, _ := Parse[bool]("true")
	s, _ := Parse[string]("raw")
	fmt.Println(f, b, s)
	_, err = Parse[int]("x")
	fmt.Println(err)
}
