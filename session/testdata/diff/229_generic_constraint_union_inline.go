package main

import "fmt"

func Abs[T interface{ ~int | ~int32 | ~float64 }](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func Join[S ~[]E, E fmt.Stringer](xs S) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

type C int

func (c C) String() string { return fmt.Sprintf("c%d", int(c)) }

type Cs []C

func main() {
	fmt.Println(Abs(-3), Abs(int32(-7)), Abs(2.5))
	fmt.Println(Join(Cs{1, 2, 3}))
	fmt.Println(Join([]C{9}))
}
