package main

import "fmt"

func Apply[T any](n int, x T, f func(T) T) T {
	for range n {
		x = f(x)
	}
	return x
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func double(x int) int { return x * 2 }

func main() {
	fmt.Println(Apply(5, 1, double))
	fmt.Println(Apply(3, "a", func(s string) string { return s + s }))
	h := Compose(double, func(n int) string { return fmt.Sprintf("<%d>", n) })
	fmt.Println(h(21))
}
