package main

import "fmt"

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case []T:
		return "slice of T"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(Describe(5))
	fmt.Println(Describe("s"))
	fmt.Println(Describe(2.5))
	fmt.Println(Describe([]byte("x")))
}
