package main

import "fmt"

func main() {
	s := []string{"x", "y", "z"}
	for i := range s {
		fmt.Print(i)
	}
	fmt.Println()
	for i, v := range s {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for range s {
		fmt.Print(".")
	}
	fmt.Println()
	arr := [3]int{7, 8, 9}
	for _, v := range &arr {
		fmt.Print(v)
	}
	fmt.Println()
	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
}
