// A type parameter's value compared with a constant (b != 0, s == "") in
// a generic function instantiated with a named type of the cells: the
// comparison went through the kernel's interface equality, where a
// Meters(0) in its wrapper is not the bare 0 the constant became, so
// `for b != 0` never ended (integer divide by zero in GCD) and `x == 0`
// was false (held-out g10). The constant is now compared as Go converts
// it, to the type parameter's type.
package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Meters int
type Name string

func Abs[T Integer](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func GCD[T Integer](a, b T) T {
	a, b = Abs(a), Abs(b)
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func CountZeros[T comparable](xs []T, zero T) (n int) {
	for _, x := range xs {
		if x == zero {
			n++
		}
	}
	return n
}

func Zeros[T Integer](xs []T) (n int) {
	for _, x := range xs {
		if 0 == x {
			n++
		}
	}
	return n
}

func NonEmpty[T ~string](xs []T) []T {
	var out []T
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func main() {
	fmt.Println(GCD(84, 36), GCD(Meters(-48), Meters(180)), GCD[int16](17, 5))
	fmt.Println(Zeros([]Meters{0, 3, 0}), Zeros([]int{1, 0}), CountZeros([]Meters{0, 1, 0}, 0))
	fmt.Println(NonEmpty([]Name{"a", "", "b"}), len(NonEmpty([]string{"", ""})))
}
