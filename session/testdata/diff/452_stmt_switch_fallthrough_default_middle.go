package main

import "fmt"

func grade(n int) string {
	s := ""
	switch {
	case n >= 90:
		s += "A"
		fallthrough
	default:
		s += "+"
	case n >= 50:
		s += "pass"
	}
	return s
}

func main() {
	for _, n := range []int{95, 70, 10} {
		fmt.Println(n, grade(n))
	}
}
