package main

// Named types without methods of the same underlying type, in interfaces:
// type switches, assertions, comparisons, printing, json.

import (
	"encoding/json"
	"fmt"
)

type Celsius float64
type Fahrenheit float64
type Tags []string
type Meters int

func describe(x any) string {
	switch v := x.(type) {
	case Celsius:
		return fmt.Sprint(float64(v), "°C")
	case Fahrenheit:
		return fmt.Sprint(float64(v), "°F")
	case float64:
		return fmt.Sprint(v)
	case Tags:
		return fmt.Sprint(len(v), " tags")
	case []string:
		return "strings"
	}
	return "?"
}

func reading() any { return Fahrenheit(68) }

func both() (any, error) { return Celsius(-4), nil }

func main() {
	xs := []any{Celsius(20), Fahrenheit(68), 1.5, Tags{"a"}, []string{"b"}, Meters(3), 3}
	for _, x := range xs {
		fmt.Print(describe(x), "; ")
	}
	fmt.Println()
	fmt.Println(describe(reading()))
	b, _ := both()
	fmt.Println(describe(b))

	_, isFloat := xs[0].(float64)
	_, isC := xs[0].(Celsius)
	_, isF := xs[0].(Fahrenheit)
	m, isMeters := xs[6].(Meters)
	n, isInt := xs[5].(int)
	fmt.Println(isFloat, isC, isF, m, isMeters, n, isInt)

	var c any = Celsius(20)
	fmt.Println(c == xs[0], c == any(20.0), xs[5] == any(3), xs[5] == any(Meters(3)))
	fmt.Println(xs)
	fmt.Printf("%v %T %T %.1f\n", c, c, xs[5], c)

	j, err := json.Marshal(map[string]any{"c": Celsius(1.5), "m": Meters(2)})
	fmt.Println(string(j), err)
}
