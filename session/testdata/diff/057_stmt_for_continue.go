package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			continue
		}
		sum += i
	}
	fmt.Println(sum)
	for _, w := range []string{"a", "", "b", "", "c"} {
		if w == "" {
			continue
		}
		fmt.Print(w)
	}
	fmt.Println()
}
