package main

import "fmt"

func main() {
	fmt.Printf("%*d|%-*d|\n", 6, 42, 6, 42)
	fmt.Printf("%.*f\n", 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %[2]d\n", 1, 2)
	fmt.Printf("%[1]T %[1]v\n", 3.5)
	fmt.Printf("%d %d %[1]d %d\n", 10, 20)
	for _, w := range []int{1, 4, 8} {
		fmt.Printf("[%*s]\n", w, "ab")
	}
}
