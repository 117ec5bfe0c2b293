// Values of a type parameter whose type argument is a type of the cells:
// yaegi's instance gave them bare to any(v), to an any result, to %T and
// to fmt (a type switch on any(v) of a Money matched int64, %T printed
// int64, fmt.Sprint(v) did not call String).
package main

import (
	"fmt"
	"strings"
)

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d", int64(m)) }

type Level int

type Temp struct{ V float64 }

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int64:
		return fmt.Sprint("int64 ", x)
	case Money:
		return fmt.Sprint("money ", int64(x))
	case Temp:
		return fmt.Sprint("temp ", x.V)
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type Number interface{ ~int | ~int64 | ~float64 }

func Kind[T Number](v T) string {
	switch any(v).(type) {
	case int, int64:
		return "builtin integer"
	default:
		return fmt.Sprintf("named %T", v)
	}
}

func Box[T any](v T) any { return v }

type Pt struct{ X, Y int }

func (p Pt) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

func kind(a any) string {
	switch a.(type) {
	case Level:
		return "Level"
	case Money:
		return "Money"
	case int:
		return "int"
	}
	return "?"
}

func Show[T any](v T) string {
	var a any = v
	xs := []any{v, 1}
	m := map[string]any{"v": v}
	return fmt.Sprint(v, " ", a, " ", xs, " ", m["v"], " ", kind(v), " ", kind(a))
}

func Join[T fmt.Stringer](vs []T) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.String() + ";")
	}
	fmt.Println(vs)
	return b.String()
}

func Eq[T comparable](a, b T) bool { return any(a) == any(b) }

func main() {
	fmt.Println(Describe(Money(5)), Describe(int64(5)), Describe(Temp{1}))
	fmt.Println(Kind(Money(5)), Kind(5))
	_, ok := Box(Money(1)).(Money)
	_, ok2 := Box(int64(1)).(Money)
	fmt.Println(ok, ok2)
	var a any = Money(3)
	fmt.Printf("%T %v\n", a, a)

	fmt.Println(Show(Money(3)))
	fmt.Println(Show(Level(2)))
	fmt.Println(Show(Pt{1, 2}))
	fmt.Println(Show(7))
	fmt.Println(Join([]Money{1, 2}), Join([]Pt{{1, 2}}))
	fmt.Println(Eq(Level(1), Level(1)), Eq(Pt{1, 2}, Pt{1, 3}))
	fmt.Printf("%T\n", Eq[int])
}
