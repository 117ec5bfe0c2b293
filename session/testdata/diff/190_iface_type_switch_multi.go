package main

import "fmt"

func kind(v any) string {
	switch t := v.(type) {
	case int, int8, int16:
		return fmt.Sprintf("small int %T", t)
	case []int:
		return fmt.Sprintf("slice len %d", len(t))
	case map[string]int:
		return fmt.Sprintf("map len %d", len(t))
	case func() int:
		return fmt.Sprintf("func returning %d", t())
	case *int:
		return fmt.Sprintf("ptr to %d", *t)
	case struct{}:
		return "empty struct"
	}
	return "unknown"
}

func main() {
	n := 5
	for _, v := range []any{int8(1), []int{1, 2}, map[string]int{}, func() int { return 9 }, &n, struct{}{}, 1.5} {
		fmt.Println(kind(v))
	}
}
