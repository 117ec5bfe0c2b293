package main

import "fmt"

func describe(vals ...any) {
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			fmt.Println("nil")
		case int, int64:
			fmt.Printf("integer %T %v\n", x, x)
		case string:
			fmt.Println("string of len", len(x))
		case error:
			fmt.Println("error", x)
		case fmt.Stringer:
			fmt.Println("stringer", x)
		default:
			fmt.Printf("other %T\n", x)
		}
	}
}

func main() {
	describe(nil, 1, int64(2), "abc", fmt.Errorf("e"), 3.5, []int{})
}
