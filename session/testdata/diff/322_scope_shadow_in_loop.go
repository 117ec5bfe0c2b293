package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 3; i++ {
		total := total + i
		fmt.Print(total, " ")
	}
	fmt.Println()
	fmt.Println(total)
	for i := range 2 {
		i := i * 100
		fmt.Print(i, " ")
	}
	fmt.Println()
}
