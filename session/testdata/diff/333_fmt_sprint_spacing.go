package main

import "fmt"

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, true))
	fmt.Println(fmt.Sprintln("a", 1, "b") == "a 1 b\n")
	fmt.Print("x", 1, 2, "y", "\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprintf("%d-%s", 7, "z")
	fmt.Println(s, len(s))
	fmt.Println(nil, []any{nil}, map[string]any{"k": nil})
}
