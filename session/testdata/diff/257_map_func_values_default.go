package main

import "fmt"

func main() {
	ops := map[string]func(float64, float64) float64{
		"+": func(a, b float64) float64 { return a + b },
		"-": func(a, b float64) float64 { return a - b },
		"/": func(a, b float64) float64 { return a / b },
	}
	for _, op := range []string{"+", "-", "/", "%"} {
		if f, ok := ops[op]; ok {
			fmt.Println(op, f(9, 3))
		} else {
			fmt.Println(op, "unsupported")
		}
	}
}
